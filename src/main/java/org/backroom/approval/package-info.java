/** Four-eyes approvals: ask, approve, reject, expire. */
@NullMarked
package org.backroom.approval;

import org.jspecify.annotations.NullMarked;
