package io.customer360.datagen.format;

import io.customer360.common.contract.DatasetContract;
import io.customer360.common.contract.FieldSpec;
import io.customer360.datagen.world.Customer;
import io.customer360.datagen.world.EmailCase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Renders CRM exports the way real exports look: each file spells its column names its own way (the
 * canonical name or one of the contract's aliases), and each row renders dates in one of the
 * contract's formats, the email in mixed case and the phone number in one of several layouts.
 */
public final class CrmFormat {

  private final DatasetContract contract;

  public CrmFormat(DatasetContract contract) {
    this.contract = contract;
  }

  /** The header of one export, in one of four spellings picked by {@code rng}. */
  public List<String> header(SplittableRandom rng) {
    int style = rng.nextInt(4);
    List<String> header = new ArrayList<>();
    for (FieldSpec f : contract.fields()) {
      List<String> aliases = f.aliases();
      String name =
          switch (style) {
            case 0 -> f.name();
            case 3 ->
                rng.nextBoolean() || aliases.isEmpty()
                    ? f.name()
                    : aliases.get(rng.nextInt(aliases.size()));
            default ->
                aliases.isEmpty()
                    ? f.name()
                    : aliases.get(
                        Math.min(style == 1 ? 0 : aliases.size() - 1, aliases.size() - 1));
          };
      header.add(name);
    }
    return header;
  }

  /** One customer row, fields in contract order. */
  public List<String> row(Customer c, SplittableRandom rng) {
    List<String> row = new ArrayList<>();
    for (FieldSpec f : contract.fields()) {
      row.add(value(f, c, rng));
    }
    return row;
  }

  private String value(FieldSpec f, Customer c, SplittableRandom rng) {
    return switch (f.name()) {
      case "customer_id" -> c.id();
      case "first_name" -> c.firstName();
      case "last_name" -> c.lastName();
      case "email" -> EmailCase.render(c.email(), rng);
      case "phone" -> phone(c.phoneDigits(), rng);
      case "date_of_birth" -> date(f, c.dateOfBirth(), rng);
      case "street_address" -> c.street();
      case "city" -> c.area().city();
      case "state" -> c.area().state();
      case "zip" -> c.area().zip();
      case "signup_date" -> date(f, c.signupDate(), rng);
      case "loyalty_tier" -> c.loyaltyTier();
      case "marketing_opt_in" -> Boolean.toString(c.marketingOptIn());
      case "updated_at" ->
          DateTimeFormatter.ofPattern(pick(f.formats(), rng), Locale.ENGLISH)
              .format(c.updatedAt().atOffset(ZoneOffset.UTC));
      default ->
          throw new IllegalStateException(
              "customers contract has a field datagen does not know: " + f.name());
    };
  }

  private static String date(FieldSpec f, LocalDate date, SplittableRandom rng) {
    return DateTimeFormatter.ofPattern(pick(f.formats(), rng), Locale.ENGLISH).format(date);
  }

  private static String pick(List<String> formats, SplittableRandom rng) {
    return formats.get(rng.nextInt(formats.size()));
  }

  static String phone(String d, SplittableRandom rng) {
    String area = d.substring(0, 3);
    String mid = d.substring(3, 6);
    String end = d.substring(6);
    return switch (rng.nextInt(6)) {
      case 0 -> "(" + area + ") " + mid + "-" + end;
      case 1 -> area + "-" + mid + "-" + end;
      case 2 -> area + "." + mid + "." + end;
      case 3 -> "+1 " + area + " " + mid + " " + end;
      case 4 -> "+1" + d;
      default -> d;
    };
  }
}
