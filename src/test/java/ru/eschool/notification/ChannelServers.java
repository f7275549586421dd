package ru.eschool.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.interaso.webpush.VapidKeys;
import com.sun.net.httpserver.HttpServer;

import ru.eschool.notification.internal.InProcessSmsc;

/**
 * The real servers the channels talk to, in-process on free ports: GreenMail (SMTP), the jsmpp
 * SMSC, and an HTTP push service whose endpoints answer with a chosen status (201, 410, ...).
 */
final class ChannelServers {

	static final GreenMail MAIL;
	static final InProcessSmsc SMSC;
	static final HttpServer PUSH;
	static final VapidKeys VAPID = VapidKeys.generate();
	/** Requests each push endpoint path received, and the status it answers with. */
	static final List<String> PUSHED = new CopyOnWriteArrayList<>();
	static final Map<String, Integer> PUSH_STATUS = new ConcurrentHashMap<>();

	static {
		MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
		MAIL.start();
		try {
			SMSC = new InProcessSmsc(freePort(), "eschool", "secret").start();
			PUSH = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		PUSH.createContext("/push/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			byte[] body = exchange.getRequestBody().readAllBytes();
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
			PUSHED.add(path + " " + (auth != null && auth.startsWith("vapid t=")) + " " + encoding + " " + body.length);
			exchange.sendResponseHeaders(PUSH_STATUS.getOrDefault(path, 201), -1);
			exchange.close();
		});
		PUSH.start();
	}

	private ChannelServers() {
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			s.setReuseAddress(true);
			return s.getLocalPort();
		}
	}

	static void register(DynamicPropertyRegistry r) {
		r.add("eschool.notification.mail.host", () -> "127.0.0.1");
		r.add("eschool.notification.mail.port", () -> MAIL.getSmtp().getPort());
		r.add("eschool.notification.mail.starttls", () -> "false");
		r.add("eschool.notification.mail.from", () -> "school@example.ru");
		r.add("eschool.notification.sms.host", () -> "127.0.0.1");
		r.add("eschool.notification.sms.port", SMSC::port);
		r.add("eschool.notification.sms.system-id", () -> "eschool");
		r.add("eschool.notification.sms.password", () -> "secret");
		r.add("eschool.notification.sms.timeout", () -> "2s");
		r.add("eschool.notification.push.public-key", () -> b64(VAPID.getApplicationServerKey()));
		r.add("eschool.notification.push.private-key", () -> b64(unsigned32(VAPID.getPrivateKey().getS().toByteArray())));
		r.add("eschool.notification.dispatch.interval", () -> "100ms");
		r.add("eschool.notification.dispatch.backoff", () -> "100ms");
		r.add("eschool.notification.dispatch.max-backoff", () -> "400ms");
		r.add("eschool.notification.dispatch.max-attempts", () -> "1000");
	}

	static String pushUrl(String path) {
		return "http://127.0.0.1:" + PUSH.getAddress().getPort() + "/push/" + path;
	}

	/** A browser's subscription keys: its P-256 public key (uncompressed) and a 16-byte auth secret. */
	static String[] browserKeys() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec("secp256r1"));
		var pair = g.generateKeyPair();
		ECPublicKey pub = (ECPublicKey) pair.getPublic();
		byte[] point = new byte[65];
		point[0] = 4;
		System.arraycopy(unsigned32(pub.getW().getAffineX().toByteArray()), 0, point, 1, 32);
		System.arraycopy(unsigned32(pub.getW().getAffineY().toByteArray()), 0, point, 33, 32);
		byte[] auth = new byte[16];
		new java.security.SecureRandom().nextBytes(auth);
		return new String[] { b64(point), b64(auth) };
	}

	static byte[] unsigned32(byte[] n) {
		byte[] out = new byte[32];
		int copy = Math.min(32, n.length);
		System.arraycopy(n, n.length - copy, out, 32 - copy, copy);
		return out;
	}

	static String b64(byte[] b) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
