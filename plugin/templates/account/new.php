<?php
/**
 * New request, choosing one of her orders.
 *
 * Override by copying to yourtheme/switchboard/account/new.php. Keep the field names.
 *
 * @package Switchboard
 *
 * @var string                                     $base     Screens URL.
 * @var array<int, array<string, mixed>>           $orders   Her orders (id, label, items: id/name).
 * @var int                                        $selected Preselected order.
 * @var int                                        $item     Preselected order item.
 * @var array<string, mixed>|null                                 $failed   errors/message/values of a failed post.
 * @var string                                     $session  Deflection session id.
 */

defined( 'ABSPATH' ) || exit;

$switchboard_errors = $failed['errors'] ?? array();
$switchboard_values = $failed['values'] ?? array();
?>
<div class="switchboard-account switchboard-account--new">
	<p><a href="<?php echo esc_url( $base ); ?>"><?php esc_html_e( '← All my requests', 'switchboard' ); ?></a></p>
	<h3><?php esc_html_e( 'New request', 'switchboard' ); ?></h3>
	<form class="switchboard-form" method="post" enctype="multipart/form-data" action="<?php echo esc_url( add_query_arg( \Switchboard\Frontend\Links::VIEW, 'new', $base ) ); ?>">
		<?php if ( $failed ) : ?>
			<div class="switchboard-form__notice is-error" role="alert"><?php echo esc_html( $failed['message'] ); ?></div>
		<?php endif; ?>
		<?php if ( $orders ) : ?>
			<p class="switchboard-form__field<?php echo isset( $switchboard_errors['order_id'] ) ? ' is-invalid' : ''; ?>">
				<label for="switchboard-new-order"><?php esc_html_e( 'Which order is it about?', 'switchboard' ); ?></label>
				<select id="switchboard-new-order" name="order_id">
					<option value="0"><?php esc_html_e( 'Not about an order', 'switchboard' ); ?></option>
					<?php foreach ( $orders as $switchboard_order ) : ?>
						<option value="<?php echo esc_attr( (string) $switchboard_order['id'] ); ?>" <?php selected( $selected, (int) $switchboard_order['id'] ); ?>><?php echo esc_html( $switchboard_order['label'] ); ?></option>
					<?php endforeach; ?>
				</select>
				<?php if ( isset( $switchboard_errors['order_id'] ) ) : ?>
					<span class="switchboard-form__error" role="alert"><?php echo esc_html( $switchboard_errors['order_id'] ); ?></span>
				<?php endif; ?>
			</p>
			<?php
			$switchboard_with_items = array_filter( $orders, static fn ( $o ) => ! empty( $o['items'] ) );
			?>
			<?php if ( $switchboard_with_items ) : ?>
				<p class="switchboard-form__field<?php echo isset( $switchboard_errors['order_item_id'] ) ? ' is-invalid' : ''; ?>" data-switchboard-order-items>
					<label for="switchboard-new-item"><?php esc_html_e( 'Which item? (optional)', 'switchboard' ); ?></label>
					<select id="switchboard-new-item" name="order_item_id">
						<option value="0"><?php esc_html_e( 'The whole order', 'switchboard' ); ?></option>
						<?php foreach ( $switchboard_with_items as $switchboard_order ) : ?>
							<optgroup label="<?php echo esc_attr( sprintf( /* translators: %s: order number */ __( 'Order #%s', 'switchboard' ), (string) ( $switchboard_order['number'] ?? $switchboard_order['id'] ) ) ); ?>" data-order="<?php echo esc_attr( (string) $switchboard_order['id'] ); ?>">
								<?php foreach ( (array) $switchboard_order['items'] as $switchboard_line ) : ?>
									<option value="<?php echo esc_attr( (string) $switchboard_line['id'] ); ?>" <?php selected( $item, (int) $switchboard_line['id'] ); ?>><?php echo esc_html( (string) $switchboard_line['name'] ); ?></option>
								<?php endforeach; ?>
							</optgroup>
						<?php endforeach; ?>
					</select>
					<?php if ( isset( $switchboard_errors['order_item_id'] ) ) : ?>
						<span class="switchboard-form__error" role="alert"><?php echo esc_html( $switchboard_errors['order_item_id'] ); ?></span>
					<?php endif; ?>
				</p>
			<?php endif; ?>
		<?php endif; ?>
		<p class="switchboard-form__field<?php echo isset( $switchboard_errors['subject'] ) ? ' is-invalid' : ''; ?>">
			<label for="switchboard-new-subject"><?php esc_html_e( 'Subject', 'switchboard' ); ?></label>
			<input type="text" id="switchboard-new-subject" name="subject" maxlength="200" required autocomplete="off" value="<?php echo esc_attr( (string) ( $switchboard_values['subject'] ?? '' ) ); ?>" data-switchboard-suggest="account" />
			<?php if ( isset( $switchboard_errors['subject'] ) ) : ?>
				<span class="switchboard-form__error" role="alert"><?php echo esc_html( $switchboard_errors['subject'] ); ?></span>
			<?php endif; ?>
		</p>
		<div class="switchboard-suggestions" aria-live="polite" hidden></div>
		<p class="switchboard-form__field<?php echo isset( $switchboard_errors['body'] ) ? ' is-invalid' : ''; ?>">
			<label for="switchboard-new-body"><?php esc_html_e( 'Message', 'switchboard' ); ?></label>
			<textarea id="switchboard-new-body" name="body" rows="7" required><?php echo esc_textarea( (string) ( $switchboard_values['body'] ?? '' ) ); ?></textarea>
			<?php if ( isset( $switchboard_errors['body'] ) ) : ?>
				<span class="switchboard-form__error" role="alert"><?php echo esc_html( $switchboard_errors['body'] ); ?></span>
			<?php endif; ?>
		</p>
		<p class="switchboard-form__field<?php echo isset( $switchboard_errors['attachments'] ) ? ' is-invalid' : ''; ?>">
			<label for="switchboard-new-files"><?php esc_html_e( 'Attachments (optional)', 'switchboard' ); ?></label>
			<input type="file" id="switchboard-new-files" name="attachments[]" multiple />
			<?php if ( isset( $switchboard_errors['attachments'] ) ) : ?>
				<span class="switchboard-form__error" role="alert"><?php echo esc_html( $switchboard_errors['attachments'] ); ?></span>
			<?php endif; ?>
		</p>
		<input type="hidden" name="<?php echo esc_attr( \Switchboard\Frontend\AccountScreens::ACTION_FIELD ); ?>" value="new" />
		<input type="hidden" name="sb_nonce" value="<?php echo esc_attr( wp_create_nonce( \Switchboard\Frontend\AccountScreens::NONCE ) ); ?>" />
		<input type="hidden" name="sb_base" value="<?php echo esc_url( $base ); ?>" />
		<input type="hidden" name="session" value="<?php echo esc_attr( $session ); ?>" />
		<p><button type="submit" class="wp-element-button button"><?php esc_html_e( 'Send request', 'switchboard' ); ?></button></p>
	</form>
</div>
