package ru.eschool.notification.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A small SMSC on jsmpp's server side, for tests, the benchmark and the demo's outbox: accepts
 * transceiver binds, takes submit_sm, joins concatenated UCS-2 parts into the text a phone would
 * show, and answers each part with a delivery receipt (deliver_sm, DELIVRD). It can be stopped and
 * started again on the same port to play a lost connection.
 */
public final class InProcessSmsc implements AutoCloseable {

	/** A whole message as the phone shows it, with the SMSC ids of its parts. */
	public record Sms(String to, String text, List<String> partIds, Instant at) {
	}

	private final int port;
	private final String systemId;
	private final String password;
	private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);
	private final List<Sms> received = new CopyOnWriteArrayList<>();
	private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
	private final Map<String, List<String[]>> pending = new HashMap<>();
	private volatile boolean receipts = true;
	private @Nullable SMPPServerSessionListener listener;
	private @Nullable ExecutorService workers;

	public InProcessSmsc(int port, String systemId, String password) {
		this.port = port;
		this.systemId = systemId;
		this.password = password;
	}

	public int port() {
		return port;
	}

	public List<Sms> received() {
		return List.copyOf(received);
	}

	public void clear() {
		received.clear();
	}

	/** Whether to answer with delivery receipts (on by default). */
	public void receipts(boolean on) {
		receipts = on;
	}

	public synchronized InProcessSmsc start() throws IOException {
		if (listener != null) {
			return this;
		}
		SMPPServerSessionListener l = new SMPPServerSessionListener(port);
		l.setMessageReceiverListener(new Receiver());
		ExecutorService w = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "smsc-" + port);
			t.setDaemon(true);
			return t;
		});
		listener = l;
		workers = w;
		w.execute(() -> accept(l, w));
		return this;
	}

	private void accept(SMPPServerSessionListener l, ExecutorService w) {
		while (true) {
			SMPPServerSession session;
			try {
				session = l.accept();
			}
			catch (IOException e) {
				return;
			}
			w.execute(() -> {
				try {
					BindRequest bind = session.waitForBind(5000);
					if (systemId.equals(bind.getSystemId()) && password.equals(bind.getPassword())) {
						bind.accept("eschool-smsc");
						sessions.add(session);
					}
					else {
						bind.reject(0x0000000E);
					}
				}
				catch (Exception e) {
					session.close();
				}
			});
		}
	}

	/** Stops listening and drops every bound session (the client sees its connection lost). */
	public synchronized void stop() {
		SMPPServerSessionListener l = listener;
		listener = null;
		if (l != null) {
			try {
				l.close();
			}
			catch (IOException e) {
				// closing anyway
			}
		}
		sessions.forEach(SMPPServerSession::close);
		sessions.clear();
		ExecutorService w = workers;
		workers = null;
		if (w != null) {
			w.shutdownNow();
			try {
				w.awaitTermination(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	private final class Receiver implements ServerMessageReceiverListener {

		@Override
		public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
			String id = String.valueOf(ids.incrementAndGet());
			boolean udh = (submit.getEsmClass() & 0x40) != 0;
			boolean ucs2 = (submit.getDataCoding() & 0x0f) == 0x08;
			byte[] bytes = submit.getShortMessage();
			String text = SmsCodec.decode(bytes, udh, ucs2);
			String to = "+" + submit.getDestAddress();
			if (!udh) {
				received.add(new Sms(to, text, List.of(id), Instant.now()));
			}
			else {
				int total = bytes[4] & 0xff;
				int seq = bytes[5] & 0xff;
				String key = to + "/" + (bytes[3] & 0xff);
				synchronized (pending) {
					List<String[]> parts = pending.computeIfAbsent(key, k -> new ArrayList<>(total));
					while (parts.size() < total) {
						parts.add(null);
					}
					parts.set(seq - 1, new String[] { text, id });
					if (parts.stream().allMatch(p -> p != null)) {
						pending.remove(key);
						StringBuilder sb = new StringBuilder();
						List<String> partIds = new ArrayList<>();
						parts.forEach(p -> {
							sb.append(p[0]);
							partIds.add(p[1]);
						});
						received.add(new Sms(to, sb.toString(), partIds, Instant.now()));
					}
				}
			}
			if (receipts && (submit.getRegisteredDelivery() & 0x03) != 0) {
				ExecutorService w = workers;
				if (w != null) {
					w.execute(() -> receipt(session, submit, id));
				}
			}
			try {
				return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
			}
			catch (PDUStringException e) {
				throw new ProcessRequestException(e.getMessage(), 0x00000008);
			}
		}

		private void receipt(SMPPServerSession session, SubmitSm submit, String id) {
			try {
				Thread.sleep(20);
				DeliveryReceipt r = new DeliveryReceipt(id, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD, "000",
						"");
				session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, submit.getDestAddress(),
						TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, submit.getSourceAddr(),
						new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, org.jsmpp.bean.GSMSpecificFeature.DEFAULT),
						(byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(), r.toString().getBytes());
			}
			catch (Exception e) {
				// the client went away: no receipt
			}
		}

		@Override
		public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", 0x00000003);
		}

		@Override
		public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", 0x00000003);
		}

		@Override
		public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", 0x00000003);
		}

		@Override
		public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", 0x00000003);
		}

		@Override
		public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", 0x00000003);
		}

		@Override
		public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", 0x00000003);
		}

		@Override
		public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
				throws ProcessRequestException {
			throw new ProcessRequestException("not supported", 0x00000003);
		}

		@Override
		public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
			throw new ProcessRequestException("not supported", 0x00000003);
		}
	}
}
