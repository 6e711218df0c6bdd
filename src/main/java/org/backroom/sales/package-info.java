/** Sales orders, their lines and payments. */
@NullMarked
package org.backroom.sales;

import org.jspecify.annotations.NullMarked;
