/**
 * Shared test data (not a test file).
 */

/**
 * Internal dependencies
 */
import type { Ticket } from '../../shared/types';

export function makeTicket( overrides: Partial< Ticket > = {} ): Ticket {
	return {
		id: 1,
		number: 1,
		subject: 'Where is my parcel?',
		status: 'open',
		priority: 'normal',
		channel: 'email',
		customer: {
			id: 5,
			name: 'Alice',
			email: 'alice@example.com',
			avatar: '',
		},
		assignee: null,
		team_id: 0,
		team: null,
		order_id: 0,
		tags: [],
		message_count: 1,
		preview: 'Hi',
		last_message_at: '2026-11-23T07:30:00Z',
		last_customer_message_at: '2026-11-23T07:30:00Z',
		last_agent_reply_at: null,
		first_response_at: null,
		resolved_at: null,
		reopen_count: 0,
		created_at: '2026-11-23T07:30:00Z',
		updated_at: '2026-11-23T07:30:00Z',
		...overrides,
	};
}
