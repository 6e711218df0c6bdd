/** Suppliers: who the store buys from, under the shared lifecycle. */
@NullMarked
package org.backroom.supplier;

import org.jspecify.annotations.NullMarked;
