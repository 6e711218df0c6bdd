package org.backroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Backroom: a point-of-sale and ERP back office where nothing a store did is ever lost. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BackroomApplication {

	public static void main(String[] args) {
		SpringApplication.run(BackroomApplication.class, args);
	}

}
