package ru.eschool.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.eschool.notification.internal.Deliveries.Due;
import ru.eschool.notification.internal.Preferences.Preference;

/**
 * SMS over SMPP 3.4 (jsmpp): one transceiver session kept bound with enquire_link, bound again
 * when it was lost (at the next send); long or Cyrillic texts go as concatenated UCS-2 parts;
 * delivery receipts (deliver_sm) mark the delivery delivered. Each part's SMSC message id is
 * stored the moment the SMSC accepts it, and a retry sends only the parts without one.
 */
@Component
class SmsSender implements Sender, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

	private final NotificationProperties.Sms sms;
	private final @Nullable LocalServers local;
	private final Deliveries deliveries;
	private final Clock clock;
	private volatile @Nullable SMPPSession session;
	private volatile boolean wasBound;
	private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "sms-receipts");
		t.setDaemon(true);
		return t;
	});

	SmsSender(NotificationProperties props, ObjectProvider<LocalServers> local, Deliveries deliveries, Clock clock) {
		this.sms = props.sms();
		this.local = local.getIfAvailable();
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public boolean on() {
		return local != null || sms.on();
	}

	@Override
	public @Nullable String send(List<Due> items, Preference to) throws Exception {
		if (to.phone() == null) {
			throw new Permanent("no phone number");
		}
		Due d = items.get(0);
		String text = Texts.title(d.kind(), to.locale()) + ": " + Texts.line(d.text(), to.locale());
		if (text.length() > 67 * 4) {
			text = text.substring(0, 67 * 4 - 1) + "…";
		}
		List<SmsCodec.Part> parts = SmsCodec.parts(text, (int) (d.id() & 0xff));
		Set<Integer> done = Set.copyOf(deliveries.smsPartsSent(d.id()));
		DataCoding coding = SmsCodec.ucs2(text) ? new GeneralDataCoding(Alphabet.ALPHA_UCS2) : new GeneralDataCoding(Alphabet.ALPHA_DEFAULT);
		String first = null;
		for (int n = 0; n < parts.size(); n++) {
			if (done.contains(n + 1)) {
				continue;
			}
			SmsCodec.Part part = parts.get(n);
			ESMClass esm = part.udh() ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
					: new ESMClass();
			String id;
			try {
				id = session().submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, sms.source(),
						TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.phone().substring(1), esm, (byte) 0, (byte) 1,
						null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding, (byte) 0,
						part.bytes()).getMessageId();
			}
			catch (java.io.IOException | org.jsmpp.extra.ResponseTimeoutException e) {
				drop(); // bound again at the next send
				throw e;
			}
			deliveries.smsPart(d.id(), n + 1, id);
			if (first == null) {
				first = id;
			}
		}
		return first;
	}

	/**
	 * Between sends: a session that was bound and got lost (the SMSC went away, enquire_link found
	 * the link dead) is bound again, so delivery receipts keep coming.
	 */
	@Scheduled(fixedDelayString = "${eschool.notification.sms.enquire-link}", initialDelayString = "${eschool.notification.sms.enquire-link}")
	void keepBound() {
		if (wasBound && on()) {
			try {
				session();
			}
			catch (Exception e) {
				log.debug("SMPP rebind failed: {}", e.toString());
			}
		}
	}

	private synchronized SMPPSession session() throws java.io.IOException {
		SMPPSession s = session;
		if (s != null && s.getSessionState().isBound()) {
			return s;
		}
		drop();
		s = new SMPPSession();
		s.setEnquireLinkTimer((int) sms.enquireLink().toMillis());
		s.setTransactionTimer(sms.timeout().toMillis());
		s.setMessageReceiverListener(new Receipts());
		String host = local != null ? local.host() : sms.host();
		int port = local != null ? local.smppPort() : sms.port();
		String systemId = local != null ? local.smppSystemId() : sms.systemId();
		String password = local != null ? local.smppPassword() : sms.password();
		s.connectAndBind(host, port, new BindParameter(BindType.BIND_TRX, systemId, password, "", TypeOfNumber.UNKNOWN,
				NumberingPlanIndicator.UNKNOWN, null), sms.timeout().toMillis());
		log.info("SMPP transceiver bound to {}:{}", host, port);
		session = s;
		wasBound = true;
		return s;
	}

	private synchronized void drop() {
		SMPPSession s = session;
		session = null;
		if (s != null) {
			try {
				s.unbindAndClose();
			}
			catch (RuntimeException e) {
				s.close();
			}
		}
	}

	@Override
	public void destroy() {
		later.shutdownNow();
		drop();
	}

	/**
	 * Applies a receipt; one that overtook the storing of its part's id (the SMSC answers quickly)
	 * is tried again a few times over about ten seconds.
	 */
	private void apply(String smscId, boolean ok, int attempt) {
		try {
			if (!deliveries.receipt(smscId, ok, clock.instant()) && attempt < 8) {
				later.schedule(() -> apply(smscId, ok, attempt + 1), 50L << attempt, TimeUnit.MILLISECONDS);
			}
		}
		catch (RuntimeException e) {
			if (attempt < 8) {
				later.schedule(() -> apply(smscId, ok, attempt + 1), 50L << attempt, TimeUnit.MILLISECONDS);
			}
		}
	}

	/** Delivery receipts from the SMSC. */
	private final class Receipts implements MessageReceiverListener {

		@Override
		public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
			if (!deliverSm.isSmscDeliveryReceipt()) {
				return;
			}
			try {
				DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
				boolean ok = receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD;
				if (receipt.getFinalStatus() != DeliveryReceiptState.ENROUTE && receipt.getFinalStatus() != DeliveryReceiptState.ACCEPTD) {
					apply(receipt.getId(), ok, 0);
				}
			}
			catch (Exception e) {
				log.warn("Unreadable delivery receipt: {}", e.toString());
			}
		}

		@Override
		public void onAcceptAlertNotification(AlertNotification alertNotification) {
		}

		@Override
		public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
			throw new ProcessRequestException("data_sm not supported", 0x00000003);
		}
	}
}
