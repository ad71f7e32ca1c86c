/**
 * Internal dependencies
 */
import OverviewCard from './components/overview-card';

export default function App() {
	return (
		<div className="switchboard-app">
			<OverviewCard />
		</div>
	);
}
