/** Customers, their credit, and the walk-in customer. */
@NullMarked
package org.backroom.customer;

import org.jspecify.annotations.NullMarked;
