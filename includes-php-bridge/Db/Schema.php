<?php
/**
 * Every table Switchboard owns, in one place, in dbDelta's format.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Db;

/**
 * The schema. The installer re-runs dbDelta whenever version() (a hash of this SQL) differs
 * from the stored one.
 *
 * Design notes:
 * - Lists never count on the fly: tickets carry store-time counters and a preview of the last
 *   message, so the inbox reads one table.
 * - Every list/filter the REST API offers has an index; the composite ones end in the sort column.
 * - `search_text` columns hold text prepared by Search\Tokenizer (CJK split into ASCII-safe bigram
 *   tokens), so InnoDB FULLTEXT finds 返品 inside 返品ポリシー without an ngram parser.
 */
final class Schema {

	/**
	 * Table names without the WordPress prefix, read from the schema itself.
	 *
	 * @return string[]
	 */
	public static function tables(): array {
		global $wpdb;
		preg_match_all( '/CREATE TABLE ' . preg_quote( $wpdb->prefix, '/' ) . '(switchboard_\w+)/', self::get_schema(), $matches );
		return $matches[1];
	}

	/**
	 * Schema version: a hash of the SQL, so any change to a CREATE TABLE makes the installer run
	 * dbDelta again without anyone remembering to bump a number.
	 */
	public static function version(): string {
		return substr( md5( self::get_schema() ), 0, 12 );
	}

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

		return self::core_tables( $p, $collate )
			. self::kb_tables( $p, $collate )
			. self::email_tables( $p, $collate )
			. self::chat_tables( $p, $collate )
			. self::team_tables( $p, $collate );
	}

	/**
	 * Ticket core: customers and their identities, tickets, messages, attachments, events.
	 *
	 * @param string $p       Table prefix including "switchboard_".
	 * @param string $collate Charset and collation clause.
	 */
	private static function core_tables( string $p, string $collate ): string {
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
  search_text text NOT NULL,
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
  KEY open_counts (is_open,status,channel,assignee_id),
  KEY team_open_last (team_id,is_open,last_message_at),
  FULLTEXT KEY search_text (search_text)
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
  claim_hash char(64) NOT NULL DEFAULT '',
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

	/**
	 * Knowledge base: search index, search log, deflections. Owned by the self-service work.
	 *
	 * @param string $p       Table prefix including "switchboard_".
	 * @param string $collate Charset and collation clause.
	 */
	private static function kb_tables( string $p, string $collate ): string {
		// kb_index: one row per article, kept in sync on save/delete. title_text is indexed on its
		// own so title matches can rank higher; search_text holds title + excerpt + content.
		// kb_votes: one vote per visitor (user or hashed IP) and article; counters live in post meta.
		// kb_missing: searches that found nothing, aggregated per normalized query.
		// kb_deflections: a suggested article opened from a form; submitted=0 means deflected.
		return "
CREATE TABLE {$p}kb_index (
  post_id bigint(20) unsigned NOT NULL,
  is_internal tinyint(1) unsigned NOT NULL DEFAULT 0,
  is_published tinyint(1) unsigned NOT NULL DEFAULT 0,
  modified_at datetime NOT NULL,
  title_text text NOT NULL,
  search_text mediumtext NOT NULL,
  PRIMARY KEY  (post_id),
  KEY visible (is_published,is_internal),
  FULLTEXT KEY title_text (title_text),
  FULLTEXT KEY search_text (search_text)
) $collate;
CREATE TABLE {$p}kb_votes (
  post_id bigint(20) unsigned NOT NULL,
  voter char(40) NOT NULL,
  value tinyint(1) NOT NULL,
  created_at datetime NOT NULL,
  PRIMARY KEY  (post_id,voter)
) $collate;
CREATE TABLE {$p}kb_missing (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  query varchar(190) NOT NULL,
  hits int(10) unsigned NOT NULL DEFAULT 0,
  first_at datetime NOT NULL,
  last_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY query (query),
  KEY hits_last (hits,last_at),
  KEY last_at (last_at)
) $collate;
CREATE TABLE {$p}kb_deflections (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  session char(32) NOT NULL,
  source varchar(20) NOT NULL DEFAULT 'contact',
  article_id bigint(20) unsigned NOT NULL,
  query varchar(190) NOT NULL DEFAULT '',
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  submitted tinyint(1) unsigned NOT NULL DEFAULT 0,
  ticket_id bigint(20) unsigned NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY session_article (session,article_id),
  KEY article_created (article_id,created_at),
  KEY submitted_created (submitted,created_at)
) $collate;
";
	}

	/**
	 * Email channel: mailboxes and the raw inbound store. Owned by the email work.
	 *
	 * @param string $p       Table prefix including "switchboard_".
	 * @param string $collate Charset and collation clause.
	 */
	private static function email_tables( string $p, string $collate ): string {
		return "
CREATE TABLE {$p}mailboxes (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  name varchar(190) NOT NULL DEFAULT '',
  address varchar(190) NOT NULL,
  imap_host varchar(190) NOT NULL DEFAULT '',
  imap_port smallint(5) unsigned NOT NULL DEFAULT 993,
  imap_security varchar(8) NOT NULL DEFAULT 'ssl',
  imap_user varchar(190) NOT NULL DEFAULT '',
  imap_password text,
  imap_folder varchar(190) NOT NULL DEFAULT 'INBOX',
  after_import varchar(8) NOT NULL DEFAULT 'seen',
  move_folder varchar(190) NOT NULL DEFAULT '',
  poll_interval int(10) unsigned NOT NULL DEFAULT 300,
  settings longtext,
  uid_validity bigint(20) unsigned NOT NULL DEFAULT 0,
  last_uid bigint(20) unsigned NOT NULL DEFAULT 0,
  is_active tinyint(1) unsigned NOT NULL DEFAULT 1,
  failures smallint(5) unsigned NOT NULL DEFAULT 0,
  last_error text,
  last_polled_at datetime DEFAULT NULL,
  next_poll_at datetime DEFAULT NULL,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY address (address),
  KEY active_next (is_active,next_poll_at)
) $collate;
CREATE TABLE {$p}inbound (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  mailbox_id bigint(20) unsigned NOT NULL DEFAULT 0,
  source varchar(16) NOT NULL DEFAULT '',
  source_ref varchar(190) NOT NULL DEFAULT '',
  message_id varchar(255) NOT NULL DEFAULT '',
  sha256 char(64) NOT NULL,
  size bigint(20) unsigned NOT NULL DEFAULT 0,
  path varchar(255) NOT NULL DEFAULT '',
  status varchar(20) NOT NULL DEFAULT 'received',
  kind varchar(16) NOT NULL DEFAULT '',
  from_addr varchar(190) NOT NULL DEFAULT '',
  subject varchar(255) NOT NULL DEFAULT '',
  ticket_id bigint(20) unsigned NOT NULL DEFAULT 0,
  message_row_id bigint(20) unsigned NOT NULL DEFAULT 0,
  error text,
  attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  processed_at datetime DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY status_id (status,id),
  KEY sha256 (sha256),
  KEY mailbox_ref (mailbox_id,source_ref),
  KEY message_id (message_id(191)),
  KEY ticket_id (ticket_id)
) $collate;
";
	}

	/**
	 * Live chat: sessions and presence. Owned by the chat work.
	 *
	 * @param string $p       Table prefix including "switchboard_".
	 * @param string $collate Charset and collation clause.
	 */
	private static function chat_tables( string $p, string $collate ): string {
		// chat_sessions: one row per chat (a chat is a ticket with channel "chat"; the transcript is
		// the ticket's messages). token_hash is sha256 of the visitor's random token (never stored
		// raw). version is bumped on every change the visitor must fetch (message, agent typing,
		// status), agent_version on every change the inbox must fetch, so "anything new?" is one
		// primary-key/unique-key read. last_message_id lets the visitor fetch only newer messages.
		// chat_agents: agent presence (online/away) with a heartbeat; online = status online and a
		// heartbeat in the last 90 seconds.
		return "
CREATE TABLE {$p}chat_sessions (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  token_hash char(64) NOT NULL,
  ticket_id bigint(20) unsigned NOT NULL DEFAULT 0,
  customer_id bigint(20) unsigned NOT NULL DEFAULT 0,
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  status varchar(16) NOT NULL DEFAULT 'bot',
  version int(10) unsigned NOT NULL DEFAULT 1,
  agent_version int(10) unsigned NOT NULL DEFAULT 1,
  last_message_id bigint(20) unsigned NOT NULL DEFAULT 0,
  last_read_id bigint(20) unsigned NOT NULL DEFAULT 0,
  agent_id bigint(20) unsigned NOT NULL DEFAULT 0,
  agent_typing_at datetime DEFAULT NULL,
  visitor_typing_at datetime DEFAULT NULL,
  bot_session char(32) NOT NULL DEFAULT '',
  bot_query varchar(190) NOT NULL DEFAULT '',
  page_url varchar(2048) NOT NULL DEFAULT '',
  page_title varchar(255) NOT NULL DEFAULT '',
  user_agent varchar(255) NOT NULL DEFAULT '',
  context longtext,
  last_seen_at datetime NOT NULL,
  waiting_since datetime DEFAULT NULL,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  ended_at datetime DEFAULT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY token_hash (token_hash),
  KEY ticket_id (ticket_id),
  KEY status_updated (status,updated_at),
  KEY customer_id (customer_id)
) $collate;
CREATE TABLE {$p}chat_agents (
  user_id bigint(20) unsigned NOT NULL,
  status varchar(8) NOT NULL DEFAULT 'away',
  last_seen_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (user_id),
  KEY status_seen (status,last_seen_at)
) $collate;
";
	}

	/**
	 * Teams (routing groups of agents): a ticket's team_id and a mailbox's settings.team_id point
	 * at teams.id. Names are unique (the collation makes the key case-insensitive); members are
	 * agents, one row per team and user, with the reverse key for "the teams of this agent".
	 *
	 * @param string $p       Table prefix including "switchboard_".
	 * @param string $collate Charset and collation clause.
	 */
	private static function team_tables( string $p, string $collate ): string {
		return "
CREATE TABLE {$p}teams (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  name varchar(100) NOT NULL,
  description varchar(255) NOT NULL DEFAULT '',
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY name (name)
) $collate;
CREATE TABLE {$p}team_members (
  team_id bigint(20) unsigned NOT NULL,
  user_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (team_id,user_id),
  KEY user_team (user_id,team_id)
) $collate;
";
	}
}
