/** The dashboard: the first page after signing in, made of figures each feature serves. */
@NullMarked
package org.backroom.dashboard;

import org.jspecify.annotations.NullMarked;
