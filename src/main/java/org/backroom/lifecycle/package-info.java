/** The one lifecycle of every master record: state machine, dependents, impact preview, trash and purge. */
@NullMarked
package org.backroom.lifecycle;

import org.jspecify.annotations.NullMarked;
