/** Purchase orders: buying from suppliers, and receiving the goods into stock. */
@NullMarked
package org.backroom.purchasing;

import org.jspecify.annotations.NullMarked;
