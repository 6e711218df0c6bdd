/** Backroom: the application and its feature packages, one package per feature. */
@NullMarked
package org.backroom;

import org.jspecify.annotations.NullMarked;
