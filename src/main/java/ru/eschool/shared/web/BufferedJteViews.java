package ru.eschool.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages are rendered into a byte buffer (static parts pre-encoded by the jte plugin's
 * {@code binaryStaticContent}) and written to the response in one go with their length, instead of
 * string by string through the servlet writer and its wrappers (session, security, compression),
 * which cost a third of a diary page's time (docs/benchmarks.md). A side effect that matters: the
 * response is committed only after the whole template ran, so the session is saved once, after
 * every read of it, and not again in the middle of a page.
 */
@Configuration(proxyBeanMethods = false)
class BufferedJteViews {

	@Bean
	JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
		return new JteViewResolver(engine, properties) {
			@Override
			protected AbstractUrlBasedView instantiateView() {
				return new Buffered(engine);
			}
		};
	}

	static final class Buffered extends JteView {

		private final TemplateEngine engine;

		Buffered(TemplateEngine engine) {
			super(engine);
			this.engine = engine;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Utf8ByteOutput out = new Utf8ByteOutput();
			engine.render(getUrl(), model, out);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentLength(out.getContentLength());
			out.writeTo(response.getOutputStream());
		}
	}
}
