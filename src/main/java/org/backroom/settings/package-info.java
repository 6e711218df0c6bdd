/** The store's settings that an owner changes while Backroom runs: approval policies, delete behaviour, trash retention. */
@NullMarked
package org.backroom.settings;

import org.jspecify.annotations.NullMarked;
