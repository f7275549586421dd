package ru.eschool.homework.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import ru.eschool.homework.internal.Assignments.FileRow;
import ru.eschool.homework.internal.HandIns.HandIn;
import ru.eschool.homework.internal.HomeworkDesk;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;

/**
 * Downloads of homework files and hand-ins, only for people who may see the lesson's class (or
 * the hand-in). Always as an attachment, in a sandbox, never rendered by the browser as a page.
 */
@Controller
class HomeworkFilesController {

	private final HomeworkDesk desk;

	HomeworkFilesController(HomeworkDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/homework/files/{id}")
	ResponseEntity<Resource> file(Actor actor, @PathVariable long id) {
		FileRow f = desk.fileFor(actor, id);
		return send(desk.storage().open(f.sha256()), f.name(), f.mediaType());
	}

	@GetMapping("/homework/hand-ins/{id}/file")
	ResponseEntity<Resource> handIn(Actor actor, @PathVariable long id) {
		HandIn h = desk.handInFor(actor, id);
		if (h.fileSha256() == null || h.fileName() == null || h.fileType() == null) {
			throw new NotFound();
		}
		return send(desk.storage().open(h.fileSha256()), h.fileName(), h.fileType());
	}

	private static ResponseEntity<Resource> send(Resource body, String name, String type) {
		if (!body.exists()) {
			throw new NotFound();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("Content-Security-Policy", "sandbox")
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(type))
			.body(body);
	}
}
