package org.backroom.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every kind of master record that features declared, by its API path. */
@Component
public class RecordKinds {

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

	/** The kind with this singular name ({@code customer}), as approval requests and audit entries name it. */
	public RecordKind byName(String name) {
		return byPath.values()
			.stream()
			.filter(kind -> kind.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new UnknownKind(name));
	}

	public List<RecordKind> all() {
		return List.copyOf(byPath.values());
	}

	/** A path under {@code /api} that names no kind of record. */
	static final class UnknownKind extends org.backroom.web.Refusal {

		UnknownKind(String path) {
			super("not-found", org.springframework.http.HttpStatus.NOT_FOUND, "Not found",
					"There is nothing at /api/" + path + ".");
		}

	}

}
