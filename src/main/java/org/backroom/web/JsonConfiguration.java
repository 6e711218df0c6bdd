package org.backroom.web;

import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** JSON conventions of the API: money is a decimal string ({@code "12.50"}), never a binary float. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer moneyAsDecimalStrings() {
		SimpleModule money = new SimpleModule("money").addSerializer(BigDecimal.class, new ValueSerializer<>() {
			@Override
			public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
				gen.writeString(value.toPlainString());
			}
		});
		return builder -> builder.addModule(money);
	}

}
