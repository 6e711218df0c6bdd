package org.backroom.permission;

import java.util.List;

import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;

/** The signed-in user lacks a permission; the answer names it. */
public final class Forbidden extends Refusal {

	Forbidden(String permission) {
		super("forbidden", HttpStatus.FORBIDDEN, "Not allowed",
				"This needs the permission " + permission + ", which none of your roles grants.");
		with("missingPermission", permission);
	}

	public Forbidden(String title, String detail) {
		super("forbidden", HttpStatus.FORBIDDEN, title, detail);
	}

	/** A refusal for acting above one's rights: all the permissions lacked, and the first as for any other 403. */
	public static Forbidden lacking(String title, String detail, List<String> missing) {
		Forbidden forbidden = new Forbidden(title, detail);
		forbidden.with("missingPermission", missing.get(0));
		forbidden.with("missingPermissions", missing);
		return forbidden;
	}

}
