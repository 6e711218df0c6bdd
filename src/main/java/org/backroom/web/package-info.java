/** HTTP concerns shared by every feature: problem details and request conventions. */
@NullMarked
package org.backroom.web;

import org.jspecify.annotations.NullMarked;
