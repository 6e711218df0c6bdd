/** Staff users, roles and permissions, sign-in and personal API tokens. */
@NullMarked
package org.backroom.staff;

import org.jspecify.annotations.NullMarked;
