package ru.eschool.gradebook.internal;

/**
 * An edit of the journal refused with a message to the teacher (a bundle key and its arguments);
 * thrown before anything is written, or inside the transaction so that it rolls back.
 */
public class Refusal extends RuntimeException {

	private final String key;
	private final transient Object[] args;

	public Refusal(String key, Object... args) {
		super(key, null, false, false);
		this.key = key;
		this.args = args;
	}

	public String key() {
		return key;
	}

	public Object[] args() {
		return args;
	}
}
