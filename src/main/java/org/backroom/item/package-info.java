/** Items (products) that can be sold and bought. */
@NullMarked
package org.backroom.item;

import org.jspecify.annotations.NullMarked;
