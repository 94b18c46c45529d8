import { pageMetadata } from "../site";
import { TrustPageBody, loadTrustPage } from "../TrustPageBody";

export async function generateMetadata() {
  const page = await loadTrustPage("CORRECTIONS_POLICY");
  return pageMetadata("/corrections-policy", page.title, page.body.slice(0, 200));
}

export default function Page() {
  return (
    <main style={{ maxWidth: 760 }}>
      <TrustPageBody slug={"CORRECTIONS_POLICY"} />
    </main>
  );
}
