/** The add-person page's entry ("Add “…” to Dramatis"): styles and the Preact root. Everything else is in ./App.tsx. */
import { render } from 'preact';
import '../../components/card.css';
import '../../components/ui.css';
import '../review/style.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
