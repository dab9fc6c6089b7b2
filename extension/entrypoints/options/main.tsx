import '../../pages/style.css';
import { mountDashboard } from '../../pages/dashboard/mount.tsx';

mountDashboard(document.getElementById('app')!);
