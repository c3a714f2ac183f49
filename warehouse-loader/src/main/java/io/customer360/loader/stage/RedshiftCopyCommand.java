package io.customer360.loader.stage;

import io.customer360.common.lake.S3Uri;
import java.util.regex.Pattern;

/**
 * Redshift's {@code COPY} of a batch's Parquet files, listed in an S3 manifest, into a stage table,
 * authorized by an IAM role Redshift assumes. Columns map by position, which is why the gold
 * contract fixes column order.
 *
 * @param table the stage table
 * @param manifest the manifest listing the files
 * @param iamRoleArn the role Redshift assumes to read the lake
 */
public record RedshiftCopyCommand(String table, S3Uri manifest, String iamRoleArn) {

  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
  private static final Pattern ROLE =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]+");
  private static final Pattern SAFE_URI = Pattern.compile("[A-Za-z0-9!_.*()/=+,@-]+");

  public RedshiftCopyCommand {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("Not a plain table name: " + table);
    }
    if (iamRoleArn == null || !ROLE.matcher(iamRoleArn).matches()) {
      throw new IllegalArgumentException(
          "Redshift COPY needs an IAM role ARN (arn:aws:iam::<account>:role/<name>), got "
              + iamRoleArn);
    }
    if (!SAFE_URI.matcher(manifest.bucket() + "/" + manifest.key()).matches()) {
      throw new IllegalArgumentException("Manifest location has unsafe characters: " + manifest);
    }
  }

  /** The statement. */
  public String sql() {
    return "COPY "
        + table
        + " FROM '"
        + manifest
        + "' IAM_ROLE '"
        + iamRoleArn
        + "' FORMAT AS PARQUET MANIFEST";
  }
}
