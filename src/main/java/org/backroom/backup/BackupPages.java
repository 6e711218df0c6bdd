package org.backroom.backup;

import org.backroom.web.PageController;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Settings page's "Back up now" button; the list of backups is part of that page. */
@PageController
class BackupPages {

	private final Backups backups;

	BackupPages(Backups backups) {
		this.backups = backups;
	}

	@PostMapping("/settings/backups")
	String backUpNow(RedirectAttributes redirect) {
		BackupFile backup = backups.takeNow();
		redirect.addFlashAttribute("message", "Backup " + backup.name() + " written (" + backup.sizeInWords() + ").");
		return "redirect:/settings#backups";
	}

}
