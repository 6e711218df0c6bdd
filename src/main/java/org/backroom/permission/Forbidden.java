package org.backroom.permission;

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

}
