package org.backroom.staff;

import org.backroom.permission.Forbidden;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user: who they are, what they may do, and their own API tokens. */
@Tag(name = "me")
@RestController
class MeApi {

	private final Tokens tokens;

	private final Passwords passwords;

	MeApi(Tokens tokens, Passwords passwords) {
		this.tokens = tokens;
		this.passwords = passwords;
	}

	@Operation(operationId = "changeMyPassword", summary = "Change your own password: {currentPassword, newPassword}")
	@ApiResponse(responseCode = "204", description = "Changed")
	@PostMapping("/api/me/password")
	ResponseEntity<Void> changePassword(@Valid @RequestBody Passwords.Change change) {
		passwords.changeOwn(signedIn(), change);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "resetStaffPassword",
			summary = "Set another staff user's password (a forgotten one): {newPassword}; needs staff.manage")
	@ApiResponse(responseCode = "204", description = "Set")
	@PostMapping("/api/staff/{id}/password")
	ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody Passwords.Change change) {
		passwords.reset(id, change, signedIn());
		return ResponseEntity.noContent().build();
	}

	/** Permissions in alphabetical order, the same on every call. */
	record Me(long id, String username, String displayName, List<String> permissions) {
	}

	@Operation(operationId = "getMe", summary = "Who is signed in: user, roles and permissions")
	@GetMapping("/api/me")
	Me me() {
		StaffPrincipal me = signedIn();
		return new Me(me.id(), me.username(), me.displayName(), me.permissions().stream().sorted().toList());
	}

	@Operation(operationId = "listMyTokens", summary = "Your personal API tokens (never their secrets)")
	@GetMapping("/api/me/tokens")
	List<Tokens.Token> myTokens() {
		return tokens.mine(signedIn().id());
	}

	@Operation(operationId = "createMyToken",
			summary = "Create a personal API token; its secret is in this answer only")
	@ApiResponse(responseCode = "201", description = "Created; the secret is shown only in this answer")
	@PostMapping("/api/me/tokens")
	ResponseEntity<Tokens.NewToken> createToken(@Valid @RequestBody Tokens.NewTokenCommand command) {
		Tokens.NewToken token = tokens.create(signedIn().id(), String.valueOf(command.name()));
		return ResponseEntity.created(URI.create("/api/me/tokens/" + token.id())).body(token);
	}

	@Operation(operationId = "revokeMyToken",
			summary = "Revoke one of your API tokens (revoking a revoked one is a no-op)")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@DeleteMapping("/api/me/tokens/{id}")
	ResponseEntity<Void> revokeToken(@PathVariable long id) {
		tokens.revoke(signedIn().id(), id);
		return ResponseEntity.noContent().build();
	}

	private static StaffPrincipal signedIn() {
		return StaffPrincipal.current().orElseThrow(() -> new Forbidden("Staff only", "Only a signed-in staff user has this."));
	}

}
