<?php
/**
 * Contact form (`[switchboard_contact]`, block `switchboard/contact`).
 *
 * Override by copying to yourtheme/switchboard/contact/form.php. Keep the field names.
 *
 * @package Switchboard
 *
 * @var string                $id          Unique id prefix.
 * @var string                $action      admin-post.php URL (used without JavaScript).
 * @var string                $page        This page's URL.
 * @var array<string, string> $values      Field values.
 * @var string                $sent        Confirmation after a submission without JavaScript ('' otherwise).
 * @var array<string, string> $errors      Field errors.
 * @var string                $message     General error message.
 * @var bool                  $attachments Whether files may be attached.
 * @var bool                  $order_field Whether to ask for an order number.
 * @var string                $accept      accept attribute.
 * @var int                   $max_size    Bytes per file.
 * @var int                   $max_files   Files per message.
 * @var string                $session     Deflection session id.
 * @var string                $ts          Signed render time.
 */

defined( 'ABSPATH' ) || exit;

$switchboard_field = static function ( string $name, string $label, string $control, string $hint = '' ) use ( $id, $errors ): void {
	$has_error = isset( $errors[ $name ] );
	?>
	<p class="switchboard-form__field<?php echo $has_error ? ' is-invalid' : ''; ?>" data-field="<?php echo esc_attr( $name ); ?>">
		<label for="<?php echo esc_attr( $id . '-' . $name ); ?>"><?php echo esc_html( $label ); ?></label>
		<?php echo $control; // phpcs:ignore WordPress.Security.EscapeOutput -- built below with esc_attr()/esc_textarea(). ?>
		<?php if ( '' !== $hint ) : ?>
			<span class="switchboard-form__hint" id="<?php echo esc_attr( $id . '-' . $name . '-hint' ); ?>"><?php echo esc_html( $hint ); ?></span>
		<?php endif; ?>
		<span class="switchboard-form__error" id="<?php echo esc_attr( $id . '-' . $name . '-error' ); ?>" role="alert"><?php echo $has_error ? esc_html( $errors[ $name ] ) : ''; ?></span>
	</p>
	<?php
};

$switchboard_attrs = static function ( string $name ) use ( $id, $errors ): string {
	return sprintf(
		'id="%1$s" name="%2$s" aria-describedby="%1$s-error%3$s"%4$s',
		esc_attr( $id . '-' . $name ),
		esc_attr( $name ),
		in_array( $name, array( 'order', 'attachments' ), true ) ? ' ' . esc_attr( $id . '-' . $name . '-hint' ) : '',
		isset( $errors[ $name ] ) ? ' aria-invalid="true"' : ''
	);
};
?>
<div class="switchboard-contact" id="switchboard-contact">
	<form class="switchboard-form switchboard-contact__form" method="post" action="<?php echo esc_url( $action ); ?>" enctype="multipart/form-data" novalidate data-switchboard-contact<?php echo '' !== $sent ? ' hidden' : ''; ?> data-max-size="<?php echo esc_attr( (string) $max_size ); ?>" data-max-files="<?php echo esc_attr( (string) $max_files ); ?>">
		<div class="switchboard-form__notice is-error" role="alert" <?php echo '' === $message ? 'hidden' : ''; ?>><?php echo esc_html( $message ); ?></div>

		<?php
		$switchboard_field( 'name', __( 'Your name', 'switchboard' ), '<input type="text" ' . $switchboard_attrs( 'name' ) . ' value="' . esc_attr( $values['name'] ) . '" autocomplete="name" required maxlength="100" />' );
		$switchboard_field( 'email', __( 'E-mail address', 'switchboard' ), '<input type="email" ' . $switchboard_attrs( 'email' ) . ' value="' . esc_attr( $values['email'] ) . '" autocomplete="email" required />' );
		if ( $order_field ) {
			$switchboard_field( 'order', __( 'Order number (optional)', 'switchboard' ), '<input type="text" ' . $switchboard_attrs( 'order' ) . ' value="' . esc_attr( $values['order'] ) . '" inputmode="numeric" maxlength="40" />', __( 'We link your message to the order when the order\'s e-mail address matches yours.', 'switchboard' ) );
		}
		$switchboard_field( 'subject', __( 'Subject', 'switchboard' ), '<input type="text" ' . $switchboard_attrs( 'subject' ) . ' value="' . esc_attr( $values['subject'] ) . '" required maxlength="200" autocomplete="off" data-switchboard-suggest="contact" />' );
		?>
		<div class="switchboard-contact__suggestions switchboard-suggestions" aria-live="polite" hidden></div>
		<?php
		$switchboard_field( 'message', __( 'Message', 'switchboard' ), '<textarea ' . $switchboard_attrs( 'message' ) . ' rows="7" required maxlength="10000">' . esc_textarea( $values['message'] ) . '</textarea>' );
		if ( $attachments ) {
			$switchboard_field(
				'attachments',
				__( 'Attachments (optional)', 'switchboard' ),
				'<input type="file" ' . str_replace( 'name="attachments"', 'name="attachments[]"', $switchboard_attrs( 'attachments' ) ) . ' multiple accept="' . esc_attr( $accept ) . '" />',
				sprintf(
					/* translators: 1: number of files, 2: size like "10 MB" */
					__( 'Up to %1$d files, %2$s each: images, PDF, text and office documents.', 'switchboard' ),
					$max_files,
					size_format( $max_size )
				)
			);
		}
		?>
		<p class="switchboard-form__hp" aria-hidden="true">
			<label for="<?php echo esc_attr( $id ); ?>-website"><?php esc_html_e( 'Leave this field empty', 'switchboard' ); ?></label>
			<input type="text" id="<?php echo esc_attr( $id ); ?>-website" name="website" value="" tabindex="-1" autocomplete="off" />
		</p>
		<input type="hidden" name="action" value="switchboard_contact" />
		<input type="hidden" name="sb_nonce" value="<?php echo esc_attr( wp_create_nonce( 'switchboard_contact' ) ); ?>" />
		<input type="hidden" name="ts" value="<?php echo esc_attr( $ts ); ?>" />
		<input type="hidden" name="session" value="<?php echo esc_attr( $session ); ?>" />
		<input type="hidden" name="page" value="<?php echo esc_url( $page ); ?>" />
		<p><button type="submit" class="wp-element-button switchboard-contact__submit"><?php esc_html_e( 'Send message', 'switchboard' ); ?></button></p>
	</form>
	<div class="switchboard-form__notice is-success switchboard-contact__success" role="status" tabindex="-1" <?php echo '' === $sent ? 'hidden' : ''; ?>><?php echo esc_html( $sent ); ?></div>
</div>
