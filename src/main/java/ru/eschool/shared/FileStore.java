package ru.eschool.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Uploaded files (homework, hand-ins, message attachments) on disk under {@code eschool.files.dir},
 * each named by the SHA-256 of its content (the same file uploaded twice is stored once). Only a
 * few document and image types are accepted, checked by extension and by their first bytes; files
 * are only ever sent back as downloads, never executed or rendered inline. Modules keep their own
 * rows (which file belongs to what, who may fetch it); this class only keeps the bytes.
 */
@Component
public class FileStore {

	public static final long MAX_BYTES = 10L * 1024 * 1024;
	public static final String ACCEPT = ".pdf,.doc,.docx,.odt,.jpg,.jpeg,.png,.txt";

	/** What is wrong with an upload. */
	public enum Problem {
		EMPTY, TOO_BIG, TYPE
	}

	/** A stored file: its content hash, a safe display name, its media type and size. */
	public record Stored(String sha256, String name, String mediaType, long size) {
	}

	private static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "doc", "application/msword",
			"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"odt", "application/vnd.oasis.opendocument.text", "jpg", "image/jpeg", "jpeg", "image/jpeg",
			"png", "image/png", "txt", "text/plain");

	private final Path dir;

	FileStore(@Value("${eschool.files.dir:./data/files}") String dir) {
		this.dir = Path.of(dir);
	}

	/** What is wrong with the file, or null when it may be stored. */
	public static @Nullable Problem problem(@Nullable String originalName, long size, byte[] head) {
		if (size == 0) {
			return Problem.EMPTY;
		}
		if (size > MAX_BYTES) {
			return Problem.TOO_BIG;
		}
		String ext = extension(originalName);
		if (!TYPES.containsKey(ext) || !looksLike(ext, head)) {
			return Problem.TYPE;
		}
		return null;
	}

	/** Stores the bytes (after {@link #problem} said nothing) and describes them. */
	public Stored store(@Nullable String originalName, byte[] bytes) {
		String sha = sha256(bytes);
		try {
			Path target = path(sha);
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Path tmp = Files.createTempFile(target.getParent(), "up", ".tmp");
				Files.write(tmp, bytes);
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Stored(sha, safeName(originalName), TYPES.get(extension(originalName)), bytes.length);
	}

	public Resource open(String sha256) {
		return new FileSystemResource(path(sha256));
	}

	private Path path(String sha) {
		if (!sha.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a content hash");
		}
		return dir.resolve(sha.substring(0, 2)).resolve(sha);
	}

	public static String extension(@Nullable String name) {
		if (name == null) {
			return "";
		}
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** The file's own first bytes must agree with its extension: a renamed program is refused. */
	private static boolean looksLike(String ext, byte[] h) {
		return switch (ext) {
			case "pdf" -> starts(h, 0x25, 0x50, 0x44, 0x46);
			case "png" -> starts(h, 0x89, 0x50, 0x4E, 0x47);
			case "jpg", "jpeg" -> starts(h, 0xFF, 0xD8, 0xFF);
			case "docx", "odt" -> starts(h, 0x50, 0x4B, 0x03, 0x04);
			case "doc" -> starts(h, 0xD0, 0xCF, 0x11, 0xE0);
			case "txt" -> noNul(h);
			default -> false;
		};
	}

	private static boolean starts(byte[] h, int... magic) {
		if (h.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((h[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean noNul(byte[] h) {
		for (int i = 0; i < Math.min(h.length, 8192); i++) {
			if (h[i] == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The last path segment of an uploaded name, without control or format characters (a direction
	 * override, U+202E, before "exe.txt" makes a text file read as "...txt.exe") or quotes, at most
	 * 200 characters.
	 */
	public static String safeName(@Nullable String name) {
		String n = name == null ? "file" : name.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}\"]", "").strip();
		if (n.isEmpty()) {
			n = "file";
		}
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
