package org.backroom.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * Like {@link BackroomTest}, but the throw-away embedded PostgreSQL runs durable, as a store's does: for tests that
 * crash it and count what survived.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "backroom.data.dir=", "backroom.data.relaxed-durability=false",
		"backroom.demo=false", "backroom.trash.purge-cron=-",
		"backroom.sign-in.admin-password=" + ApiTest.ADMIN_PASSWORD })
public @interface DurableBackroomTest {

}
