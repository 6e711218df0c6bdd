package org.backroom.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What deleting a referenced record does: {@code refuse} (the default) answers 409 and suggests deactivation;
 * {@code deactivate} deactivates it instead and says so.
 */
@ConfigurationProperties("backroom.lifecycle")
public record LifecycleSettings(@DefaultValue("refuse") DeleteReferenced deleteReferenced) {

	public enum DeleteReferenced {

		REFUSE, DEACTIVATE

	}

}
