package org.backroom.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.backroom.platform.DataSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with no staff at all, creates the owner account {@code admin}: with the password from
 * {@code BACKROOM_ADMIN_PASSWORD}, or a random one printed once to the log and written to
 * {@code <data dir>/initial-admin-password}.
 */
@Component
@Order(1)
class StaffBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final StaffMembers staff;

	private final Roles roles;

	private final PasswordEncoder passwords;

	private final SignInSettings settings;

	private final DataSettings data;

	private final TransactionTemplate transaction;

	StaffBootstrap(StaffMembers staff, Roles roles, PasswordEncoder passwords, SignInSettings settings, DataSettings data,
			TransactionTemplate transaction) {
		this.staff = staff;
		this.roles = roles;
		this.passwords = passwords;
		this.settings = settings;
		this.data = data;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			staff.lockRoleManagers();
			if (staff.any()) {
				return;
			}
			String given = settings.adminPassword();
			String password = given != null && !given.isBlank() ? given : randomPassword();
			long id = staff.insert("admin", "Owner", null, passwords.encode(password));
			staff.assignRoles(id, roles.idsOf(List.of("Owner")));
			if (given == null || given.isBlank()) {
				announce(password);
			}
			else {
				log.info("Created the owner account 'admin' with the password from BACKROOM_ADMIN_PASSWORD");
			}
		});
	}

	private void announce(String password) {
		String where = "";
		if (!data.ephemeral()) {
			Path file = Path.of(String.valueOf(data.dir())).toAbsolutePath().resolve("initial-admin-password");
			try {
				Files.createDirectories(file.getParent());
				Files.writeString(file, password + System.lineSeparator());
				where = " It is also in " + file + ".";
			}
			catch (IOException ex) {
				log.warn("Could not write the initial admin password to {}", file, ex);
			}
		}
		log.warn("Created the owner account 'admin' with the password: {} (shown once; change it after signing in).{}",
				password, where);
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
