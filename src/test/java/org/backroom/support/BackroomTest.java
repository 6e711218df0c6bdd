package org.backroom.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * A test against the real application on a random port with its own throw-away embedded PostgreSQL (run with
 * relaxed durability for speed: a test that crashes it sets {@code backroom.data.relaxed-durability=false}), no demo
 * data, no scheduled purge nor checkpoint (an extra audit entry at the hour would upset tests that count them), and the owner account {@code admin} with {@link ApiTest#ADMIN_PASSWORD}. Tests with
 * the same properties share one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "backroom.data.dir=", "backroom.data.relaxed-durability=true", "backroom.demo=false",
		"backroom.trash.purge-cron=-", "backroom.audit.checkpoint-cron=-", "backroom.backup.dir=target/test-backups",
		"backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD })
public @interface BackroomTest {

	/** Extra properties; a test that sets any gets an application of its own. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
