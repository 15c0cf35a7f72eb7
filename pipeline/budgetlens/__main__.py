from budgetlens.cli import main

raise SystemExit(main())
