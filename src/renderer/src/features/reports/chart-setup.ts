/**
 * Registers only the Chart.js parts the reports use (tree-shaken: the whole library would add
 * another ~30 KB gzip to the lazily loaded reports chunk).
 */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);
