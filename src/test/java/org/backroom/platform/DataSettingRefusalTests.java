package org.backroom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.backroom.BackroomApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A store started with a data setting its database cannot run with stops at once and says what to change. */
@ExtendWith(OutputCaptureExtension.class)
class DataSettingRefusalTests {

	@Test
	void aStoreGivenMoreMemoryThanTheMachineHasDoesNotStartAndSaysWhy(@TempDir Path store, CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(BackroomApplication.class)
			.run("--backroom.data.dir=" + store, "--backroom.data.memory=100000GB", "--server.port=0",
					"--backroom.demo=false"))
			.hasRootCauseInstanceOf(DataSettingRefused.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("backroom.data.memory=102400000MB is not less than this machine's memory")
			.contains("Change the setting");
		assertThat(store.resolve("postgres")).doesNotExist();
	}

}
