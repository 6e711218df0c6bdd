/** Running Backroom: the embedded PostgreSQL, typed settings and the demo store. */
@NullMarked
package org.backroom.platform;

import org.jspecify.annotations.NullMarked;
