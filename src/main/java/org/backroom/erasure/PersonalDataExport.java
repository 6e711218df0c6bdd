package org.backroom.erasure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.backroom.audit.AuditErasure;
import org.backroom.audit.AuditTrail;
import org.backroom.web.Csv;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own copy of their data (format {@code backroom-personal-data/1}, see the README): the record, the
 * orders that name them and the audit entries about them, as JSON or as a ZIP of one CSV file per table. Each
 * export is itself written to the audit trail.
 */
@Service
class PersonalDataExport {

	static final String FORMAT = "backroom-personal-data/1";

	private final ErasureService erasure;

	private final AuditErasure auditEntries;

	private final AuditTrail audit;

	private final JsonMapper json;

	PersonalDataExport(ErasureService erasure, AuditErasure auditEntries, AuditTrail audit, JsonMapper json) {
		this.erasure = erasure;
		this.auditEntries = auditEntries;
		this.audit = audit;
		this.json = json;
	}

	@PreAuthorize("@permissions.require('privacy.export')")
	@Transactional
	Map<String, Object> export(String path, long id, String format) {
		if (!format.equals("json") && !format.equals("zip")) {
			throw ValidationFailed.of("format", "must be json or zip");
		}
		Erasable kind = erasure.byPath(path);
		Person person = kind.read(id, false);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("format", FORMAT);
		data.put("exportedAt", Instant.now().toString());
		data.put("recordKind", kind.kind());
		data.put("recordId", id);
		kind.export(person).forEach((table, rows) -> data.put(table, plain(rows)));
		data.put("auditEntries", auditEntries.entriesAbout(kind.kind(), id));
		audit.record(kind.kind() + ".personal-data-export", kind.kind(), id, null, Map.of("format", format));
		return data;
	}

	String fileName(Map<String, Object> data) {
		return "personal-data-" + data.get("recordKind") + "-" + data.get("recordId");
	}

	void writeJson(Map<String, Object> data, OutputStream out) {
		json.writeValue(out, data);
	}

	/** One CSV per table ({@code record.csv}, {@code orders.csv}, …, {@code auditEntries.csv}), header first. */
	@SuppressWarnings("unchecked")
	void writeZip(Map<String, Object> data, OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			for (Map.Entry<String, Object> table : data.entrySet()) {
				if (table.getValue() instanceof List<?> rows) {
					zip.putNextEntry(new ZipEntry(table.getKey() + ".csv"));
					Csv csv = Csv.to(writer);
					List<Map<String, @Nullable Object>> maps = (List<Map<String, @Nullable Object>>) rows;
					if (!maps.isEmpty()) {
						csv.row(maps.get(0).keySet().toArray());
					}
					maps.forEach(row -> csv.row(row.values().toArray()));
					csv.finish();
					writer.flush();
					zip.closeEntry();
				}
			}
		}
	}

	private static @Nullable Object plain(@Nullable Object value) {
		if (value instanceof Timestamp time) {
			return time.toInstant().toString();
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant().toString();
		}
		return value instanceof BigDecimal amount ? amount.toPlainString() : value;
	}

	/** Times as ISO instants and money as decimal strings, as everywhere in the API. */
	private static List<Map<String, @Nullable Object>> plain(List<Map<String, Object>> rows) {
		List<Map<String, @Nullable Object>> plain = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			row.forEach((key, value) -> copy.put(key, plain(value)));
			plain.add(copy);
		}
		return plain;
	}

}
