<?php
/**
 * Every table Switchboard owns, in one place, in dbDelta's format.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Db;

/**
 * The schema. Bump VERSION whenever get_schema() changes: the installer re-runs dbDelta when
 * the stored version differs.
 *
 * Design notes:
 * - Lists never count on the fly: tickets carry store-time counters and a preview of the last
 *   message, so the inbox reads one table.
 * - Every list/filter the REST API offers has an index; the composite ones end in the sort column.
 * - `search_text` columns hold text prepared by Search\Tokenizer (CJK split into ASCII-safe bigram
 *   tokens), so InnoDB FULLTEXT finds 返品 inside 返品ポリシー without an ngram parser.
 */
final class Schema {

	public const VERSION = '2026.11.23.1';

	/**
	 * Table names without the WordPress prefix.
	 *
	 * @var string[]
	 */
	public const TABLES = array(
		'switchboard_customers',
		'switchboard_identities',
		'switchboard_tickets',
		'switchboard_ticket_meta',
		'switchboard_tags',
		'switchboard_ticket_tags',
		'switchboard_messages',
		'switchboard_attachments',
		'switchboard_events',
		'switchboard_canned_responses',
	);

	/**
	 * Prefixed table name.
	 */
	public static function table( string $name ): string {
		global $wpdb;
		return $wpdb->prefix . 'switchboard_' . $name;
	}

	/**
	 * CREATE TABLE statements for dbDelta (two spaces after PRIMARY KEY, one KEY per line).
	 */
	public static function get_schema(): string {
		global $wpdb;
		$p       = $wpdb->prefix . 'switchboard_';
		$collate = $wpdb->get_charset_collate();

		return "
CREATE TABLE {$p}customers (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  name varchar(190) NOT NULL DEFAULT '',
  email varchar(190) NOT NULL DEFAULT '',
  phone varchar(64) NOT NULL DEFAULT '',
  locale varchar(20) NOT NULL DEFAULT '',
  merged_into bigint(20) unsigned NOT NULL DEFAULT 0,
  ticket_count int(10) unsigned NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY user_id (user_id),
  KEY email (email),
  KEY name (name(40)),
  KEY merged_into (merged_into)
) $collate;
CREATE TABLE {$p}identities (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  customer_id bigint(20) unsigned NOT NULL,
  channel varchar(32) NOT NULL,
  identifier varchar(190) NOT NULL,
  label varchar(190) NOT NULL DEFAULT '',
  created_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY channel_identifier (channel,identifier),
  KEY customer_id (customer_id)
) $collate;
CREATE TABLE {$p}tickets (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  subject varchar(255) NOT NULL DEFAULT '',
  status varchar(20) NOT NULL DEFAULT 'new',
  is_open tinyint(1) unsigned NOT NULL DEFAULT 1,
  priority tinyint(1) unsigned NOT NULL DEFAULT 1,
  channel varchar(32) NOT NULL DEFAULT 'web',
  customer_id bigint(20) unsigned NOT NULL DEFAULT 0,
  assignee_id bigint(20) unsigned NOT NULL DEFAULT 0,
  team_id bigint(20) unsigned NOT NULL DEFAULT 0,
  order_id bigint(20) unsigned NOT NULL DEFAULT 0,
  merged_into bigint(20) unsigned NOT NULL DEFAULT 0,
  message_count int(10) unsigned NOT NULL DEFAULT 0,
  preview varchar(255) NOT NULL DEFAULT '',
  last_message_at datetime NOT NULL,
  last_customer_message_at datetime DEFAULT NULL,
  last_agent_reply_at datetime DEFAULT NULL,
  first_response_at datetime DEFAULT NULL,
  first_response_seconds int(10) unsigned DEFAULT NULL,
  resolved_at datetime DEFAULT NULL,
  reopen_count smallint(5) unsigned NOT NULL DEFAULT 0,
  sla_first_response_due datetime DEFAULT NULL,
  sla_resolution_due datetime DEFAULT NULL,
  secret char(32) NOT NULL DEFAULT '',
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY status_last (status,last_message_at),
  KEY open_last (is_open,last_message_at),
  KEY assignee_open_last (assignee_id,is_open,last_message_at),
  KEY assignee_status_last (assignee_id,status,last_message_at),
  KEY channel_open_last (channel,is_open,last_message_at),
  KEY customer_created (customer_id,created_at),
  KEY order_id (order_id),
  KEY priority_last (priority,last_message_at),
  KEY created_at (created_at),
  KEY last_message_at (last_message_at),
  KEY merged_into (merged_into),
  FULLTEXT KEY subject (subject)
) $collate;
CREATE TABLE {$p}ticket_meta (
  meta_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  ticket_id bigint(20) unsigned NOT NULL,
  meta_key varchar(191) NOT NULL,
  meta_value longtext,
  PRIMARY KEY  (meta_id),
  KEY ticket_key (ticket_id,meta_key),
  KEY meta_key_value (meta_key,meta_value(64))
) $collate;
CREATE TABLE {$p}tags (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  name varchar(100) NOT NULL,
  slug varchar(100) NOT NULL,
  color varchar(7) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  UNIQUE KEY slug (slug)
) $collate;
CREATE TABLE {$p}ticket_tags (
  ticket_id bigint(20) unsigned NOT NULL,
  tag_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (ticket_id,tag_id),
  KEY tag_ticket (tag_id,ticket_id)
) $collate;
CREATE TABLE {$p}messages (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  ticket_id bigint(20) unsigned NOT NULL,
  direction varchar(3) NOT NULL DEFAULT 'in',
  author_type varchar(10) NOT NULL DEFAULT 'customer',
  author_id bigint(20) unsigned NOT NULL DEFAULT 0,
  channel varchar(32) NOT NULL DEFAULT 'web',
  is_private tinyint(1) unsigned NOT NULL DEFAULT 0,
  body_html mediumtext NOT NULL,
  body_text mediumtext NOT NULL,
  search_text mediumtext NOT NULL,
  external_id varchar(255) NOT NULL DEFAULT '',
  dedupe_key char(64) DEFAULT NULL,
  delivery_status varchar(16) NOT NULL DEFAULT '',
  delivery_attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  delivery_error text,
  meta longtext,
  created_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY ticket_id (ticket_id,id),
  KEY external_id (external_id(191)),
  UNIQUE KEY dedupe_key (dedupe_key),
  KEY delivery_status (delivery_status),
  FULLTEXT KEY search_text (search_text)
) $collate;
CREATE TABLE {$p}attachments (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  ticket_id bigint(20) unsigned NOT NULL DEFAULT 0,
  message_id bigint(20) unsigned NOT NULL DEFAULT 0,
  uploaded_by bigint(20) unsigned NOT NULL DEFAULT 0,
  filename varchar(255) NOT NULL,
  mime_type varchar(100) NOT NULL,
  size bigint(20) unsigned NOT NULL DEFAULT 0,
  sha256 char(64) NOT NULL,
  path varchar(255) NOT NULL,
  content_id varchar(255) NOT NULL DEFAULT '',
  is_inline tinyint(1) unsigned NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY message_id (message_id),
  KEY ticket_id (ticket_id)
) $collate;
CREATE TABLE {$p}events (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  ticket_id bigint(20) unsigned NOT NULL,
  actor_type varchar(10) NOT NULL DEFAULT 'system',
  actor_id bigint(20) unsigned NOT NULL DEFAULT 0,
  type varchar(40) NOT NULL,
  data longtext,
  created_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY ticket_id (ticket_id,id),
  KEY type_created (type,created_at)
) $collate;
CREATE TABLE {$p}canned_responses (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(190) NOT NULL,
  body mediumtext NOT NULL,
  shortcut varchar(64) NOT NULL DEFAULT '',
  owner_id bigint(20) unsigned NOT NULL DEFAULT 0,
  usage_count int(10) unsigned NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY owner_id (owner_id),
  KEY title (title)
) $collate;
";
	}
}
