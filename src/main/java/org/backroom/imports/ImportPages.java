package org.backroom.imports;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.lifecycle.Reason;
import org.backroom.permission.Forbidden;
import org.backroom.web.Htmx;
import org.backroom.web.PageController;
import org.backroom.web.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import as pages: upload a file, see its dry run (per-row errors, the rows it would write), start it, follow
 * its progress (the job's section polls itself while it runs) and undo it. Every step is {@link ImportService}'s,
 * as in the API.
 */
@PageController
class ImportPages {

	private final ImportService imports;

	private final ImportKinds kinds;

	private final ImportUploads uploads;

	ImportPages(ImportService imports, ImportKinds kinds, ImportUploads uploads) {
		this.imports = imports;
		this.kinds = kinds;
		this.uploads = uploads;
	}

	@GetMapping("/imports")
	String upload(@RequestParam(defaultValue = "customers") String kind, Model model) {
		return uploadPage(kind, model);
	}

	@PostMapping("/imports/preview")
	String preview(@RequestParam(defaultValue = "customers") String kind, @RequestParam("file") @Nullable MultipartFile file,
			Model model, HttpServletResponse response) throws IOException {
		try {
			byte[] bytes;
			try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
				bytes = uploads.read(in);
			}
			ImportPreview preview = imports.preview(path(kind), file == null ? null : file.getOriginalFilename(), bytes);
			model.addAttribute("preview", preview);
			model.addAttribute("kind", path(kind));
			return "imports/preview";
		}
		catch (Forbidden forbidden) {
			throw forbidden;
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("problem", refusal);
			return uploadPage(kind, model);
		}
	}

	@PostMapping("/imports/{id}/start")
	String start(@PathVariable long id) {
		return "redirect:/imports/" + imports.start(id).id();
	}

	@GetMapping("/imports/{id}")
	String job(@PathVariable long id, HttpServletRequest request, Model model) {
		show(imports.get(id), model);
		return Htmx.isPartial(request) ? "imports/job :: job" : "imports/job";
	}

	@PostMapping("/imports/{id}/undo")
	String undo(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
			HttpServletResponse response) {
		try {
			return "redirect:/imports/" + imports.undo(id, Reason.require(reason)).id();
		}
		catch (Forbidden forbidden) {
			throw forbidden;
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("problem", refusal.getMessage());
			model.addAttribute("reason", reason == null ? "" : reason);
			show(imports.get(id), model);
			return "imports/job";
		}
	}

	private String uploadPage(String kind, Model model) {
		model.addAttribute("kind", path(kind));
		model.addAttribute("kinds", kinds.all().stream().filter(kinds::mayImport).toList());
		model.addAttribute("columns", kinds.byPath(path(kind)).columns());
		model.addAttribute("jobs", imports.newest());
		if (!kinds.mayImportAny()) {
			kinds.requireImport(kinds.byPath(path(kind)));
		}
		return "imports/upload";
	}

	private static String path(String kind) {
		return "items".equals(kind) ? "items" : "customers";
	}

	private void show(ImportJob job, Model model) {
		model.addAttribute("job", job);
		model.addAttribute("polling", job.running());
		model.addAttribute("undoable", job.done() && job.undoOf() == null && job.undoneBy() == null);
		if (model.getAttribute("reason") == null) {
			model.addAttribute("reason", "");
		}
	}

}
