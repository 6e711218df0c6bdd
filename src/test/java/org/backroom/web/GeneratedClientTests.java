package org.backroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.backroom.client.ApiClient;
import org.backroom.client.ApiException;
import org.backroom.client.api.CustomersApi;
import org.backroom.client.api.ItemsApi;
import org.backroom.client.api.LifecycleApi;
import org.backroom.client.api.SalesOrdersApi;
import org.backroom.client.model.Customer;
import org.backroom.client.model.CustomerForm;
import org.backroom.client.model.DeleteOutcome;
import org.backroom.client.model.Item;
import org.backroom.client.model.ItemForm;
import org.backroom.client.model.LifecycleRecord;
import org.backroom.client.model.Line;
import org.backroom.client.model.NewSale;
import org.backroom.client.model.Problem;
import org.backroom.client.model.Reason;
import org.backroom.client.model.RecordKindPath;
import org.backroom.client.model.SalesOrder;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's lifecycle walk-through, driven by the Java client that OpenAPI Generator builds from the committed
 * description ({@link ApiDescriptionTests} holds it equal to the live one). Every answer must be one the description
 * gives for its operation, with the body it describes: the generated models fail on a member of the wrong type or an
 * enum value the description does not list, and {@link DescribedAnswers} on an undocumented status.
 */
@BackroomTest
class GeneratedClientTests extends ApiTest {

	private final List<DescribedAnswers.Answer> answers = new CopyOnWriteArrayList<>();

	private ApiClient client;

	private CustomersApi customers;

	private LifecycleApi lifecycle;

	@BeforeEach
	void generatedClient() {
		client = new ApiClient();
		client.updateBaseUri("http://localhost:" + port());
		client.setRequestInterceptor(request -> request.header("Authorization", ownerAuthorization()));
		client.setResponseInterceptor(response -> answers.add(new DescribedAnswers.Answer(response.request().method(),
				response.uri().getPath(), response.statusCode(), response.headers().firstValue("Content-Type").orElse(""))));
		customers = new CustomersApi(client);
		lifecycle = new LifecycleApi(client);
	}

	@Test
	void walksTheLifecycleOfARecordAsTheReadmeDoes() throws Exception {
		Customer ann = customers.createCustomer(new CustomerForm().name("Ann Lee")
			.email("ann@example.com")
			.creditAllowed(true)
			.creditLimit(new BigDecimal("100.00")), null);
		Item tea = new ItemsApi(client).createItem(new ItemForm().sku("TEA-" + UUID.randomUUID().toString().substring(0, 8))
			.name("Green tea")
			.price(new BigDecimal("4.50")), null);
		SalesOrder sale = new SalesOrdersApi(client).createSale(saleTo(ann, tea), null);
		assertThat(sale.getCustomerId()).isEqualTo(ann.getId());

		LifecycleRecord inactive = lifecycle.deactivateRecord(RecordKindPath.CUSTOMERS, ann.getId(),
				new Reason().reason("Moved away"), null);
		assertThat(inactive.getStatus()).isEqualTo(LifecycleRecord.StatusEnum.INACTIVE);

		Problem refusedSale = problem(() -> new SalesOrdersApi(client).createSale(saleTo(ann, tea), null));
		assertThat(refusedSale.getType()).hasToString("urn:backroom:problem:record-inactive");
		assertThat(refusedSale.getInactiveRecords()).singleElement()
			.satisfies(record -> assertThat(record.getRecordId()).isEqualTo(ann.getId()));

		Problem refusedDelete = problem(
				() -> lifecycle.deleteRecord(RecordKindPath.CUSTOMERS, ann.getId(), "left town", null));
		assertThat(refusedDelete.getType()).hasToString("urn:backroom:problem:record-referenced");
		assertThat(refusedDelete.getDependents()).isNotEmpty().allSatisfy((kind, count) -> assertThat(count).isPositive());

		assertThat(lifecycle.reactivateRecord(RecordKindPath.CUSTOMERS, ann.getId(), new Reason().reason("Came back"),
				null).getStatus()).isEqualTo(LifecycleRecord.StatusEnum.ACTIVE);

		Customer typo = customers.createCustomer(new CustomerForm().name("Typo Customer"), null);
		assertThat(lifecycle.deactivateRecord(RecordKindPath.CUSTOMERS, typo.getId(),
				new Reason().reason("not sure it is right"), null).getStatus())
			.isEqualTo(LifecycleRecord.StatusEnum.INACTIVE);
		DeleteOutcome deleted = lifecycle.deleteRecord(RecordKindPath.CUSTOMERS, typo.getId(), "entered by mistake",
				null);
		assertThat(deleted.getOutcome()).isEqualTo(DeleteOutcome.OutcomeEnum.DELETED);
		assertThat(deleted.getRecord().getStatus()).isEqualTo(LifecycleRecord.StatusEnum.DELETED);
		assertThat(customers.listCustomers("Typo Customer", "deleted", 20, null).getItems()).extracting(Customer::getId)
			.contains(typo.getId());

		LifecycleRecord restored = lifecycle.restoreRecord(RecordKindPath.CUSTOMERS, typo.getId(),
				new Reason().reason("it was right after all"), null);
		assertThat(restored.getStatus()).isNotEqualTo(LifecycleRecord.StatusEnum.DELETED);
		assertThat(customers.getCustomer(typo.getId()).getStatus()).hasToString(restored.getStatus().toString());

		assertThat(answers).hasSizeGreaterThanOrEqualTo(13);
		assertThat(DescribedAnswers.committed().undescribed(answers)).isEmpty();
	}

	private static NewSale saleTo(Customer customer, Item item) {
		return new NewSale().customerId(customer.getId())
			.payment(NewSale.PaymentEnum.CREDIT)
			.lines(List.of(new Line().itemId(item.getId()).quantity(2)));
	}

	/** The refusal a call got, read as the description's {@code Problem}. */
	private Problem problem(Call call) throws IOException {
		ApiException refused = catchThrowableOfType(ApiException.class, call::run);
		assertThat(refused).as("the call was refused").isNotNull();
		return client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
	}

	@FunctionalInterface
	private interface Call {

		void run() throws ApiException;

	}

}
