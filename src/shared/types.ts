/**
 * Shapes of the `switchboard/v1` REST resources, shared by every front end.
 */

export interface Overview {
	plugin_version: string;
	woocommerce_active: boolean;
	user: {
		id: number;
		display_name: string;
		avatar: string;
	};
	capabilities: {
		agent: boolean;
		manage: boolean;
	};
}

/**
 * A REST error as WordPress sends it: stable code, translated message, HTTP status.
 */
export interface ApiError {
	code: string;
	message: string;
	data?: { status?: number; [ key: string ]: unknown } | null;
}

export function isApiError( value: unknown ): value is ApiError {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof ( value as ApiError ).code === 'string' &&
		typeof ( value as ApiError ).message === 'string'
	);
}

/*
 * Helpdesk resources (switchboard/v1). Dates are ISO 8601 UTC strings, e.g. `2026-11-23T07:30:00Z`.
 */

export type TicketStatus =
	| 'new'
	| 'open'
	| 'pending'
	| 'on-hold'
	| 'solved'
	| 'closed';

export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

/** `email`, `web`, `account`, `chat`, `phone`, `messenger`, … — channels may add their own. */
export type Channel = string;

export interface PersonRef {
	id: number;
	name: string;
	avatar: string;
}

export interface CustomerRef extends PersonRef {
	email: string;
}

export interface Tag {
	id: number;
	name: string;
	slug: string;
	color: string;
}

/** A routing group of agents (Settings → Team). */
export interface Team {
	id: number;
	name: string;
	description: string;
	member_ids: number[];
	members: PersonRef[];
	created_at: string | null;
	updated_at: string | null;
}

export interface TeamInput {
	name?: string;
	description?: string;
	/** The full set of member agent ids. */
	member_ids?: number[];
}

export interface Ticket {
	id: number;
	number: number | string;
	subject: string;
	status: TicketStatus;
	priority: TicketPriority;
	channel: Channel;
	customer: CustomerRef | null;
	assignee: PersonRef | null;
	/** 0 = no team. */
	team_id: number;
	team: { id: number; name: string } | null;
	order_id: number;
	tags: Tag[];
	message_count: number;
	preview: string;
	last_message_at: string;
	last_customer_message_at: string | null;
	last_agent_reply_at: string | null;
	first_response_at: string | null;
	resolved_at: string | null;
	reopen_count: number;
	/**
	 * An address a visitor typed without signing in (contact form, pre-chat form), until its
	 * owner answers from it; null otherwise. Only on single-ticket responses.
	 */
	unverified_sender?: UnverifiedSender | null;
	created_at: string;
	updated_at: string;
}

export interface UnverifiedSender {
	email: string;
	/** Where it was typed: `contact_form` or `chat`. */
	via: string;
}

export interface TicketQuery {
	status?: string;
	assignee?: string;
	channel?: string;
	tag?: string;
	/** `mine` (the agent's teams), `none` or a team id. */
	team?: string;
	priority?: string;
	customer?: number;
	/** Linked WooCommerce order id (the contract's `order` clashes with the sort direction). */
	order_id?: number;
	after?: string;
	before?: string;
	search?: string;
	orderby?: 'last_message_at' | 'created_at' | 'priority' | 'updated_at';
	order?: 'asc' | 'desc';
	page?: number;
	per_page?: number;
}

export interface TicketPatch {
	status?: TicketStatus;
	priority?: TicketPriority;
	/** 0 = unassigned. */
	assignee_id?: number;
	/** 0 = no team. */
	team_id?: number;
	order_id?: number;
	/** The full set of tag names/slugs. */
	tags?: string[];
	subject?: string;
}

export interface NewTicket {
	subject: string;
	customer_id?: number;
	customer?: { name: string; email?: string; phone?: string };
	channel?: Channel;
	message: { body: string; is_private?: boolean };
	status?: TicketStatus;
	priority?: TicketPriority;
	assignee_id?: number;
	/** 0 or absent = no team. */
	team_id?: number;
	order_id?: number;
	tags?: string[];
}

export interface BulkUpdate {
	ids: number[];
	status?: TicketStatus;
	assignee_id?: number;
	/** 0 = take the tickets out of their team. */
	team_id?: number;
	priority?: TicketPriority;
	add_tags?: string[];
	remove_tags?: string[];
}

export interface Attachment {
	id: number;
	filename: string;
	mime_type: string;
	size: number;
	url: string;
	is_inline?: boolean;
}

export type DeliveryStatus = '' | 'queued' | 'sent' | 'failed' | 'bounced';

export interface Message {
	id: number;
	ticket_id: number;
	direction: 'in' | 'out';
	author: {
		type: 'customer' | 'agent' | 'bot' | 'system';
		id: number;
		name: string;
		avatar: string;
	};
	channel: Channel;
	is_private: boolean;
	body_html: string;
	body_text: string;
	created_at: string;
	delivery_status: DeliveryStatus;
	delivery_error: string;
	attachments: Attachment[];
}

export interface NewMessage {
	body: string;
	is_private: boolean;
	attachments?: number[];
}

export interface TicketEvent {
	id: number;
	type: string;
	actor: { type: string; id: number; name: string };
	data: Record< string, unknown > | null;
	created_at: string;
}

export interface OrderNote {
	id: number;
	order_id?: number;
	order_number?: string;
	content: string;
	author?: string;
	is_customer_note?: boolean;
	created_at: string;
	[ key: string ]: unknown;
}

export type TimelineItem =
	| { kind: 'message'; message: Message }
	| { kind: 'event'; event: TicketEvent }
	| { kind: 'order_note'; note: OrderNote };

export interface Identity {
	channel: Channel;
	identifier: string;
}

export interface Customer {
	id: number;
	name: string;
	email: string;
	phone: string;
	user_id: number;
	avatar: string;
	identities: Identity[];
	ticket_count: number;
	created_at: string;
}

export interface Queues {
	mine: number;
	unassigned: number;
	all_open: number;
	new: number;
	open: number;
	pending: number;
	on_hold: number;
	solved: number;
	channels: Record< Channel, number >;
}

export interface Agent {
	id: number;
	name: string;
	login: string;
	avatar: string;
	roles?: string[];
}

export interface CannedResponse {
	id: number;
	title: string;
	body: string;
	shortcut: string;
	/** 0 = shared with every agent. */
	owner_id: number;
	shared: boolean;
	usage_count: number;
	created_at: string;
	updated_at: string;
}

export interface CannedResponseInput {
	title: string;
	body: string;
	shortcut?: string;
	shared?: boolean;
}

export interface RenderedCannedResponse {
	id: number;
	title: string;
	body: string;
	/** Placeholders that had no value (left empty). */
	missing: string[];
}

export type PresenceState = 'viewing' | 'replying';

export interface PresenceEntry {
	user_id: number;
	name: string;
	avatar: string;
	state: PresenceState;
	/** When the agent was last seen. */
	seen_at: string;
}

export interface OrderItemSummary {
	name: string;
	quantity: number;
	total: string;
}

export interface OrderSummary {
	id: number;
	number: string;
	date_created: string | null;
	status: string;
	status_label: string;
	total: string;
	total_formatted: string;
	currency: string;
	items: OrderItemSummary[];
	item_count: number;
	edit_url: string;
	tracking: string;
}

export interface CustomerOrders {
	orders: OrderSummary[];
	order_count: number;
	lifetime_value: string;
	lifetime_value_formatted: string;
	currency: string;
	/** The ticket's order when it is not among `orders` (null when none or not found). */
	linked_order: OrderSummary | null;
}
