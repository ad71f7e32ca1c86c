<?php
/**
 * FAQ (shortcode `[switchboard_faq]` and block `switchboard/faq`).
 *
 * Override by copying to yourtheme/switchboard/kb/faq.php.
 *
 * @package Switchboard
 *
 * @var string $id      Unique element id.
 * @var string $style   accordion|list.
 * @var bool   $search  Whether to show the filter box.
 * @var string $title   Optional heading.
 * @var array<int, array{id: int, question: string, answer: string, url: string}> $entries Entries (answers are already kses-filtered HTML).
 * @var string $schema  FAQPage JSON-LD ('' for none).
 */

defined( 'ABSPATH' ) || exit;
?>
<div id="<?php echo esc_attr( $id ); ?>" class="switchboard-faq is-style-<?php echo esc_attr( $style ); ?>" data-switchboard-faq>
	<?php if ( '' !== $title ) : ?>
		<h2 class="switchboard-faq__title"><?php echo esc_html( $title ); ?></h2>
	<?php endif; ?>
	<?php if ( $search && $entries ) : ?>
		<div class="switchboard-faq__search" hidden>
			<label for="<?php echo esc_attr( $id ); ?>-search"><?php esc_html_e( 'Search these questions', 'switchboard' ); ?></label>
			<input type="search" id="<?php echo esc_attr( $id ); ?>-search" class="switchboard-faq__search-input" aria-controls="<?php echo esc_attr( $id ); ?>-list" autocomplete="off" />
			<p class="switchboard-faq__status" role="status" aria-live="polite"></p>
		</div>
	<?php endif; ?>
	<?php if ( ! $entries ) : ?>
		<p class="switchboard-faq__empty"><?php esc_html_e( 'No questions here yet.', 'switchboard' ); ?></p>
	<?php elseif ( 'list' === $style ) : ?>
		<div id="<?php echo esc_attr( $id ); ?>-list" class="switchboard-faq__list">
			<?php foreach ( $entries as $switchboard_entry ) : ?>
				<div class="switchboard-faq__item" id="<?php echo esc_attr( $id . '-' . $switchboard_entry['id'] ); ?>">
					<h3 class="switchboard-faq__question"><?php echo esc_html( $switchboard_entry['question'] ); ?></h3>
					<div class="switchboard-faq__answer"><?php echo $switchboard_entry['answer']; // phpcs:ignore WordPress.Security.EscapeOutput -- wp_kses_post() in Faq::answer_html(). ?></div>
				</div>
			<?php endforeach; ?>
		</div>
	<?php else : ?>
		<div id="<?php echo esc_attr( $id ); ?>-list" class="switchboard-faq__list">
			<?php foreach ( $entries as $switchboard_entry ) : ?>
				<details class="switchboard-faq__item" id="<?php echo esc_attr( $id . '-' . $switchboard_entry['id'] ); ?>">
					<summary class="switchboard-faq__question"><?php echo esc_html( $switchboard_entry['question'] ); ?></summary>
					<div class="switchboard-faq__answer"><?php echo $switchboard_entry['answer']; // phpcs:ignore WordPress.Security.EscapeOutput -- wp_kses_post() in Faq::answer_html(). ?></div>
				</details>
			<?php endforeach; ?>
		</div>
	<?php endif; ?>
	<?php if ( '' !== $schema ) : ?>
		<script type="application/ld+json"><?php echo $schema; // phpcs:ignore WordPress.Security.EscapeOutput -- JSON with JSON_HEX_TAG: cannot close the element. ?></script>
	<?php endif; ?>
</div>
