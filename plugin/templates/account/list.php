<?php
/**
 * The customer's tickets.
 *
 * Override by copying to yourtheme/switchboard/account/list.php.
 *
 * @package Switchboard
 *
 * @var string                            $base        Screens URL.
 * @var array<int, array<string, mixed>>  $tickets     Tickets (GET /me/tickets shape).
 * @var int                               $page        Current page.
 * @var int                               $total_pages Pages.
 * @var string                            $notice      Notice key.
 * @var string                            $new_url     New-ticket URL.
 */

defined( 'ABSPATH' ) || exit;

$switchboard_channels = array(
	'web'     => __( 'Contact form', 'switchboard' ),
	'account' => __( 'My account', 'switchboard' ),
	'email'   => __( 'E-mail', 'switchboard' ),
	'chat'    => __( 'Chat', 'switchboard' ),
);
?>
<div class="switchboard-account switchboard-account--list">
	<p><a class="wp-element-button button switchboard-account__new" href="<?php echo esc_url( $new_url ); ?>"><?php esc_html_e( 'New request', 'switchboard' ); ?></a></p>
	<?php if ( ! $tickets ) : ?>
		<p class="switchboard-account__empty"><?php esc_html_e( 'You have no support requests yet.', 'switchboard' ); ?></p>
	<?php else : ?>
		<table class="switchboard-account__table shop_table">
			<thead>
				<tr>
					<th scope="col"><?php esc_html_e( 'Request', 'switchboard' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Status', 'switchboard' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Last update', 'switchboard' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Via', 'switchboard' ); ?></th>
				</tr>
			</thead>
			<tbody>
				<?php foreach ( $tickets as $switchboard_ticket ) : ?>
					<tr data-ticket="<?php echo esc_attr( (string) $switchboard_ticket['id'] ); ?>">
						<td><a href="<?php echo esc_url( add_query_arg( \Switchboard\Frontend\Links::TICKET, (int) $switchboard_ticket['id'], $base ) ); ?>">#<?php echo esc_html( (string) $switchboard_ticket['id'] ); ?> <?php echo esc_html( (string) $switchboard_ticket['subject'] ); ?></a></td>
						<td><span class="switchboard-account__status is-<?php echo esc_attr( (string) $switchboard_ticket['status'] ); ?>"><?php echo esc_html( (string) $switchboard_ticket['status_label'] ); ?></span></td>
						<td><time datetime="<?php echo esc_attr( (string) $switchboard_ticket['last_message_at'] ); ?>"><?php echo esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) strtotime( (string) $switchboard_ticket['last_message_at'] ) ) ); ?></time></td>
						<td><?php echo esc_html( $switchboard_channels[ $switchboard_ticket['channel'] ] ?? ucfirst( (string) $switchboard_ticket['channel'] ) ); ?></td>
					</tr>
				<?php endforeach; ?>
			</tbody>
		</table>
		<?php if ( $total_pages > 1 ) : ?>
			<nav class="switchboard-account__pages" aria-label="<?php esc_attr_e( 'Pages', 'switchboard' ); ?>">
				<?php if ( $page > 1 ) : ?>
					<a href="<?php echo esc_url( add_query_arg( 'sb_page', $page - 1, $base ) ); ?>"><?php esc_html_e( '← Newer', 'switchboard' ); ?></a>
				<?php endif; ?>
				<?php if ( $page < $total_pages ) : ?>
					<a href="<?php echo esc_url( add_query_arg( 'sb_page', $page + 1, $base ) ); ?>"><?php esc_html_e( 'Older →', 'switchboard' ); ?></a>
				<?php endif; ?>
			</nav>
		<?php endif; ?>
	<?php endif; ?>
</div>
