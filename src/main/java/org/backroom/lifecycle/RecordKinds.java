package org.backroom.lifecycle;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backroom.audit.AuditedKinds;
import org.backroom.web.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Every kind of master record that features declared, by its API path. */
@Component
public class RecordKinds implements AuditedKinds {

	private final Map<String, RecordKind> byPath;

	RecordKinds(List<RecordKind> kinds) {
		this.byPath = kinds.stream().collect(Collectors.toUnmodifiableMap(RecordKind::path, Function.identity()));
	}

	public RecordKind byPath(String path) {
		RecordKind kind = byPath.get(path);
		if (kind == null) {
			throw new UnknownKind(path);
		}
		return kind;
	}

	@Override
	public Optional<String> kindAt(String path) {
		return Optional.ofNullable(byPath.get(path)).map(RecordKind::name);
	}

	@Override
	public List<String> paths() {
		return all().stream().map(RecordKind::path).toList();
	}

	/** The kind with this singular name ({@code customer}), as approval requests and audit entries name it. */
	public RecordKind byName(String name) {
		return byPath.values()
			.stream()
			.filter(kind -> kind.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new UnknownKind(name));
	}

	/** Every kind, in the order of their names. */
	public List<RecordKind> all() {
		return byPath.values().stream().sorted(Comparator.comparing(RecordKind::name)).toList();
	}

	/** The permissions about records, kind by kind: {@code customer.view} … {@code supplier.purge}. */
	public List<String> permissions() {
		return all().stream().flatMap(kind -> kind.permissions().stream()).toList();
	}

	/** The lifecycle actions a store may put behind an approval: {@code customer.reactivate}, … */
	public List<String> approvableActions() {
		return all().stream().flatMap(kind -> kind.approvableActions().stream()).toList();
	}

	/** A path under {@code /api} that names no kind of record. */
	static final class UnknownKind extends Refusal {

		UnknownKind(String path) {
			super("not-found", HttpStatus.NOT_FOUND, "Not found",
					"There is nothing at /api/" + path + ".");
		}

	}

}
