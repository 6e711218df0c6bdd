package org.backroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.backroom.support.Api;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One measured import of items: half the rows update items that exist (made by SQL first), half create new ones;
 * the dry run and the job through HTTP, timed from the upload to the job's DONE.
 */
final class ImportRun {

	/** What it took. */
	record Timing(int rows, long previewMillis, long jobMillis) {

		long totalMillis() {
			return previewMillis + jobMillis;
		}

		String report() {
			// The machine's load beside the figure: on a shared machine, the same run takes longer.
			double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			return String.format("CSV import of %,d item rows (%,d updates, %,d creates): dry run %,d ms, import %,d ms,"
					+ " total %,d ms (%,.0f rows/s)", rows, rows / 2, rows - rows / 2, previewMillis, jobMillis,
					totalMillis(), rows * 1000.0 / Math.max(1, totalMillis())) + String.format("; load average %.1f", load);
		}

	}

	private ImportRun() {
	}

	static Timing items(Api api, Uploads uploads, JdbcClient jdbc, int rows, String prefix) {
		int existing = rows / 2;
		jdbc.sql("INSERT INTO items (sku, name, price) SELECT ? || g, 'Old ' || g, 1.00 FROM generate_series(1, ?) AS g")
			.params(prefix, existing)
			.update();
		jdbc.sql("ANALYZE items").update();
		StringBuilder csv = new StringBuilder(rows * 60).append("sku,name,description,barcode,category,price,cost,trackStock\n");
		for (int i = 1; i <= rows; i++) {
			csv.append(prefix).append(i).append(",Item ").append(i).append(",\"Imported, line ").append(i + 1)
				.append("\",,Bench,").append(i % 100).append(".50,1.25,false\n");
		}
		long started = System.nanoTime();
		Api.Response preview = uploads.preview("items", csv.toString());
		long previewMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(preview.status()).as(preview.body().substring(0, Math.min(500, preview.body().length()))).isEqualTo(200);
		assertThat(preview.json().path("toUpdate").asInt()).isEqualTo(existing);
		long jobStarted = System.nanoTime();
		long job = uploads.start(preview.json().path("id").asLong());
		JsonNode done = uploads.awaitDone(job, Duration.ofMinutes(10));
		long jobMillis = (System.nanoTime() - jobStarted) / 1_000_000;
		assertThat(done.path("created").asInt()).isEqualTo(rows - existing);
		assertThat(done.path("updated").asInt()).isEqualTo(existing);
		assertThat(jdbc.sql("SELECT count(*) FROM items WHERE sku LIKE ? || '%' AND category = 'Bench'")
			.param(prefix).query(Long.class).single()).isEqualTo(rows);
		return new Timing(rows, previewMillis, jobMillis);
	}

}
