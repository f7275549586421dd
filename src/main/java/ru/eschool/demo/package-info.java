/**
 * The demo region (Primorye: four municipalities, five schools, about a thousand students with
 * their guardians and teachers) and the demo accounts listed on the login page. Every bean here is
 * active only under the Spring profile {@code demo}, the default of {@code ./mvnw spring-boot:run};
 * production and tests never load it.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.demo;
